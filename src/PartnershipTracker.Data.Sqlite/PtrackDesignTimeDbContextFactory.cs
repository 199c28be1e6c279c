using Microsoft.EntityFrameworkCore.Design;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Data.Sqlite;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --project src/PartnershipTracker.Data.Sqlite --startup-project
/// src/PartnershipTracker.Data.Sqlite</c> build the SQLite model. Adding a migration does not open the database.
/// </summary>
public sealed class PtrackDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PtrackDbContext>
{
    public PtrackDbContext CreateDbContext(string[] args) =>
        SqliteDatabaseProvider.CreateContext(DatabaseOptions.DefaultSqliteConnectionString);
}
