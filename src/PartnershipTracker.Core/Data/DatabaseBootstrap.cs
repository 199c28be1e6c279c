using Microsoft.Extensions.Logging;
using PartnershipTracker.Core.Examples;

namespace PartnershipTracker.Core.Data;

/// <summary>
/// Makes the database ready for any command that needs it: applies migrations (creating the database if
/// there is none) and, when it holds no programme yet, loads the example programme.
/// </summary>
public sealed class DatabaseBootstrap(DatabaseInitializer initializer, ExampleProgramme example, ExampleOptions options, ILogger<DatabaseBootstrap> logger)
{
    /// <returns>True when the example programme was loaded now.</returns>
    public async Task<bool> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        var migration = await initializer.MigrateAsync(cancellationToken);
        if (migration.Applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} migration(s): {Migrations}", migration.Applied.Count, string.Join(", ", migration.Applied));
        }

        if (!options.LoadOnEmptyDatabase || !await initializer.IsEmptyAsync(cancellationToken))
        {
            return false;
        }

        await example.LoadAsync(cancellationToken);
        logger.LogInformation("Loaded the example programme nato-bih (NATO – Bosnia and Herzegovina)");
        return true;
    }
}

/// <summary>Settings of the "Examples" section.</summary>
public sealed class ExampleOptions
{
    public const string SectionName = "Examples";

    /// <summary>Load the example programme into a database that has no programme. Default true; turn off for a shared deployment.</summary>
    public bool LoadOnEmptyDatabase { get; set; } = true;
}
