using System.CommandLine;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Cli.Commands.Db;

/// <summary><c>ptrack db migrate</c>.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Create the database if there is none and apply pending migrations; a new database gets the example programme (Examples:LoadOnEmptyDatabase).");
        migrate.SetAction((_, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            // CliContext has already migrated; report where the schema stands.
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            var result = await initializer.MigrateAsync(ct);
            Console.Out.WriteLine(result.Applied.Count == 0 ? "database is up to date" : $"applied {result.Applied.Count} migration(s)");
            return ExitCodes.Ok;
        }, cancellationToken));
        return new Command("db", "Database maintenance.") { migrate };
    }
}
