using Microsoft.EntityFrameworkCore;

namespace PartnershipTracker.Core.Data;

/// <summary>
/// A database provider project (PartnershipTracker.Data.Sqlite, .Data.Postgres): how to point a
/// <see cref="PtrackDbContext"/> at that database, with the provider's migrations and quirks.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The value of <see cref="DatabaseOptions.Provider"/> that selects this provider, e.g. "Sqlite".</summary>
    string Name { get; }

    /// <summary>The connection string used when none is configured, or null when one is required.</summary>
    string? DefaultConnectionString { get; }

    /// <summary>Configures <paramref name="builder"/> for this provider and its migrations assembly.</summary>
    void Configure(DbContextOptionsBuilder builder, string connectionString);
}
