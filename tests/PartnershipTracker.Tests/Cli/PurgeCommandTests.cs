using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

/// <summary><c>ptrack purge</c> through the real command line: exit codes, one-line errors, and what is left in the database.</summary>
[Collection("Environment")]
public sealed class PurgeCommandTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoExample = new() { ["Examples__LoadOnEmptyDatabase"] = "false" };

    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempSqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(_database.ConnectionString, NoExample, args);

    [Fact]
    public async Task Purge_DeletedRecordWithYes_Exit0AndGone()
    {
        var id = await AchievementAsync(deleted: true);

        var run = await RunAsync("purge", "achievements", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal($"purged achievement {id}: 1 evidence, 2 history entries removed; the audit log has a record.purged entry", run.Out.Trim());
        await using var db = _database.CreateContext();
        Assert.False(await db.Achievements.IgnoreQueryFilters().AnyAsync(a => a.Id == id));
        Assert.Equal("cli", (await db.AuditEntries.SingleAsync(a => a.Event == "record.purged")).Actor);
    }

    [Fact]
    public async Task Purge_WithoutYesAndStdinNotATerminal_Exit2NothingPurged()
    {
        var id = await AchievementAsync(deleted: true);
        var previous = Console.In;
        using var input = new StringReader("y\n");
        Console.SetIn(input);
        CliRun run;
        try
        {
            run = await RunAsync("purge", "achievement", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Console.SetIn(previous);
        }

        Assert.Equal((2, "ptrack: purge cannot be undone and stdin is not a terminal to confirm it: pass --yes"), (run.ExitCode, run.Error.Trim()));
        await using var db = _database.CreateContext();
        Assert.True(await db.Achievements.IgnoreQueryFilters().AnyAsync(a => a.Id == id));
    }

    [Fact]
    public async Task Purge_LiveRecord_Exit1DeleteItFirst()
    {
        var id = await AchievementAsync(deleted: false);

        var run = await RunAsync("purge", "achievement", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");

        Assert.Equal((1, $"ptrack: achievement {id} is not deleted: delete it first; only a deleted record can be purged"), (run.ExitCode, run.Error.Trim()));
    }

    [Theory]
    [InlineData("programme", "1", "ptrack: 'programme' is not a record type: area, achievement, challenge, initiative, milestone, recommendation, indicator or source")]
    [InlineData("achievement", "424242", "ptrack: there is no achievement 424242")]
    public async Task Purge_UnknownTypeOrId_Exit2OneLine(string type, string id, string error)
    {
        await AchievementAsync(deleted: true);

        var run = await RunAsync("purge", type, id, "--yes");

        Assert.Equal((2, error, ""), (run.ExitCode, run.Error.Trim(), run.Out));
    }

    /// <summary>An achievement with one evidence row, deleted softly when asked (then 2 history entries: created, deleted).</summary>
    private async Task<int> AchievementAsync(bool deleted)
    {
        await using var db = _database.CreateContext();
        var programme = await db.Programmes.FirstOrDefaultAsync() ?? new Programme { Slug = "test", Name = "Test", Alliance = "NATO", PartnerIso3 = "BIH" };
        if (programme.Id == 0)
        {
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
        }

        var source = new Source { ProgrammeId = programme.Id, Title = "A source" };
        var achievement = new Achievement { ProgrammeId = programme.Id, Title = "To purge" };
        db.AddRange(source, achievement);
        await db.SaveChangesAsync();
        db.Evidence.Add(new Evidence { RecordType = RecordType.Achievement, RecordId = achievement.Id, SourceId = source.Id, Quote = "quote" });
        if (deleted)
        {
            achievement.DeletedAt = _database.Time.GetUtcNow();
        }

        await db.SaveChangesAsync();
        return achievement.Id;
    }
}
