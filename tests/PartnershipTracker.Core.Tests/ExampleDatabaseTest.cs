using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests;

/// <summary>
/// Base of test classes whose every test starts on its own temporary SQLite file with the example programme loaded
/// (xUnit makes one instance per test, so tests never share a database). The file is deleted after the test.
/// </summary>
public abstract class ExampleDatabaseTest : IAsyncLifetime
{
    /// <summary>The test's database; set before the test runs.</summary>
    protected TempSqliteDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TempSqliteDatabase.CreateAsync();
        await using var db = Database.CreateContext();
        await Handlers.LoadExampleAsync(db);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
