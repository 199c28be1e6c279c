using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Data.Sqlite;

/// <summary>
/// SQLite, the default provider: a single file (by default <c>./data/ptrack.db</c>), migrations from this
/// assembly, the pragmas of <see cref="SqliteConnectionSetup"/> on every connection, and
/// <see cref="SqliteModelCustomizer"/> for what SQLite cannot store natively.
/// </summary>
public sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    public static SqliteDatabaseProvider Instance { get; } = new();

    public string Name => DatabaseOptions.Sqlite;

    public string? DefaultConnectionString => DatabaseOptions.DefaultSqliteConnectionString;

    public void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(
            connectionString,
            sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabaseProvider).Assembly.GetName().Name));
        builder.AddInterceptors(SqliteConnectionSetup.Instance);
        builder.ReplaceService<IModelCustomizer, SqliteModelCustomizer>();
    }

    /// <summary>A context on <paramref name="connectionString"/> outside DI (tools): changes are recorded as made by "system", at the system clock's time.</summary>
    public static PtrackDbContext CreateContext(string connectionString) =>
        CreateContext(connectionString, new ChangeActor(), TimeProvider.System);

    /// <summary>A context on <paramref name="connectionString"/> outside DI (tests) whose changes are recorded as <paramref name="actor"/>'s at <paramref name="time"/>.</summary>
    public static PtrackDbContext CreateContext(string connectionString, IChangeActor actor, TimeProvider time) =>
        CreateContext(connectionString, actor, time, access: null);

    /// <summary>As <see cref="CreateContext(string, IChangeActor, TimeProvider)"/>, reading as <paramref name="access"/> (null: everything).</summary>
    public static PtrackDbContext CreateContext(string connectionString, IChangeActor actor, TimeProvider time, RecordAccess? access)
    {
        var builder = new DbContextOptionsBuilder<PtrackDbContext>();
        Instance.Configure(builder, connectionString);
        return new PtrackDbContext(builder.Options, actor, time, access);
    }
}
