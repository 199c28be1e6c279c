using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartnershipTracker.Data.Sqlite;

/// <summary>
/// Everything ptrack does to a SQLite connection, in one place: before opening, the database file's folder is
/// created if missing; after opening, <see cref="Pragmas"/> run.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    /// <summary>
    /// <c>journal_mode=WAL</c>: readers do not block the writer (persistent in the file).
    /// <c>synchronous=FULL</c>: a commit is on disk before it is acknowledged, so no acknowledged write is lost
    /// when the process or the machine stops (NORMAL would risk the last commits on power loss in WAL mode).
    /// <c>foreign_keys=ON</c>: SQLite enforces foreign keys only when asked, per connection.
    /// </summary>
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    /// <summary>The pragmas for a read-only connection, which cannot change the journal mode.</summary>
    public const string ReadOnlyPragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public static SqliteConnectionSetup Instance { get; } = new();

    public override InterceptionResult ConnectionOpening(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        EnsureFolder(connection.ConnectionString);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        EnsureFolder(connection.ConnectionString);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection.ConnectionString);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = PragmasFor(connection.ConnectionString);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string PragmasFor(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;

    /// <summary>Creates the folder of a file database (relative paths are relative to the working directory).</summary>
    private static void EnsureFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(dataSource)
            || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
