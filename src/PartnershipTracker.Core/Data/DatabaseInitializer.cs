using Microsoft.EntityFrameworkCore;

namespace PartnershipTracker.Core.Data;

/// <summary>Applies migrations (<c>ptrack db migrate</c>, and the first run of the embedded SQLite default).</summary>
public sealed class DatabaseInitializer(PtrackDbContext db)
{
    /// <summary>
    /// Creates the database if it does not exist and applies pending migrations, in order, each in its own
    /// transaction. <see cref="MigrationResult.Created"/> tells the caller the database had no schema before, so
    /// it may load the example programme.
    /// </summary>
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var before = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return new MigrationResult(Created: before.Count == 0, Applied: pending);
    }

    /// <summary>True when the database holds no programme: a fresh database the example programme may be loaded into.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        !await db.Programmes.AnyAsync(cancellationToken);
}

/// <summary>What <see cref="DatabaseInitializer.MigrateAsync"/> did.</summary>
/// <param name="Created">The database had no migrations applied before (it was just created, or was empty).</param>
/// <param name="Applied">The migrations applied now, oldest first; empty when the schema was up to date.</param>
public sealed record MigrationResult(bool Created, IReadOnlyList<string> Applied);
