using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

/// <summary>The executable's DI gives every save a history row naming the verb that made it.</summary>
[Collection("Environment")]
public sealed class ChangeActorTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempSqliteDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task DbMigrateThenIngest_HistoryNamesCliThenIngest()
    {
        var migrate = await CliRunner.RunAsync(_database.ConnectionString, "db", "migrate");
        var folder = Path.Combine(_database.Folder, "v2");
        Directory.CreateDirectory(folder);
        var changed = Path.Combine(folder, "article.txt");
        var text = (await File.ReadAllTextAsync(ExampleFiles.Article)).Replace("Launched 2023", "Completed 2025", StringComparison.Ordinal);
        await File.WriteAllTextAsync(changed, text, new UTF8Encoding(false));
        var ingest = await CliRunner.RunAsync(_database.ConnectionString, "ingest", changed, "--accept");

        Assert.Equal((0, 0), (migrate.ExitCode, ingest.ExitCode));
        await using var db = _database.CreateContext();
        var cyber = await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative");
        var history = await db.ChangeRecords
            .Where(c => c.RecordType == RecordType.Initiative && c.RecordId == cyber.Id)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Action, c.Actor, c.Revision })
            .ToListAsync();
        Assert.Equal(
            [(ChangeAction.Created, "cli", 1), (ChangeAction.Updated, "ingest", 2)],
            history.Select(h => (h.Action, h.Actor, h.Revision)));
        Assert.Equal(2, cyber.Revision);
    }
}
