using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Data.Sqlite;

namespace PartnershipTracker.Testing;

/// <summary>
/// A real SQLite file in a folder of its own under the temp directory, migrated on creation and deleted with
/// its folder on dispose. Contexts from <see cref="CreateContext"/> use the same provider set-up as ptrack
/// (pragmas, converters, migrations) and record their changes in history as made by <see cref="Actor"/> (unless
/// given another) at the time of <see cref="Time"/>.
/// </summary>
public sealed class TempSqliteDatabase : IAsyncDisposable, IDisposable
{
    private TempSqliteDatabase(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "ptrack.db");
        // Pooling off so that no connection keeps the file open after a test.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>The clock of history rows written through <see cref="CreateContext"/>; starts at 2026-11-29 12:00 UTC.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The actor of contexts created without one: "test".</summary>
    public ChangeActor Actor { get; } = new("test");

    /// <summary>Creates the file and applies all migrations; <paramref name="migrate"/> false leaves it absent.</summary>
    public static async Task<TempSqliteDatabase> CreateAsync(bool migrate = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ptrack-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TempSqliteDatabase(folder);
        if (migrate)
        {
            await using var db = database.CreateContext();
            await new DatabaseInitializer(db).MigrateAsync();
        }

        return database;
    }

    public PtrackDbContext CreateContext(string? actor = null) =>
        SqliteDatabaseProvider.CreateContext(ConnectionString, actor is null ? Actor : new ChangeActor(actor), Time);

    /// <summary>A context that reads as <paramref name="access"/> (the marking rule of a signed-in reader), writing as <paramref name="actor"/>.</summary>
    public PtrackDbContext CreateContext(RecordAccess access, string? actor = null) =>
        SqliteDatabaseProvider.CreateContext(ConnectionString, actor is null ? Actor : new ChangeActor(actor), Time, access);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
