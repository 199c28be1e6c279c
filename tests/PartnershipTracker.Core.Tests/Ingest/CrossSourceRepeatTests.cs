using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Ingest;

/// <summary>Passages that recur across stored sources are linked as copies, on a real SQLite file with the example programme.</summary>
public sealed class CrossSourceRepeatTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    /// <summary>Line 3 of the example article as a second site republished it, with one word spelled the British way.</summary>
    private static string Republished => File.ReadAllLines(ExampleFiles.Article)[2]
        .Replace("defense reform", "defence reform", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await Handlers.LoadExampleAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Ingest_ParagraphRepublishedWithEdits_IsLinkedToTheArticleLine()
    {
        Assert.StartsWith("Over the past decade", Republished, StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllLines(ExampleFiles.Article)[2], Republished);
        var text = $"Regional security digest\n\nA paragraph of our own about the Western Balkans and nothing else at all here.\n\n{Republished}\n";

        await using var db = _database.CreateContext();
        var articleId = await db.Sources.Where(s => s.FileName == "article.txt").Select(s => s.Id).SingleAsync();
        var result = await Handlers.Ingest(db).HandleAsync(new IngestRequest("digest.txt", Encoding.UTF8.GetBytes(text), null, IngestMode.Store));

        Assert.True(result.Succeeded, result.Failure?.Message);
        var copy = Assert.Single(result.Value!.Copies);
        Assert.Equal((5, 5, articleId, 3, 3), (copy.Line, copy.LineEnd, copy.SourceId, copy.SourceLine, copy.SourceLineEnd));
        Assert.InRange(copy.Similarity, 0.8, 1.0);
        var stored = await db.PassageCopies.SingleAsync();
        Assert.Equal((result.Value.Stored!.SourceId, 5, articleId, 3), (stored.SourceId, stored.LineStart, stored.CopyOfSourceId, stored.CopyOfLineStart));
        var detail = await new Features.Records.GetSource(db).HandleAsync(articleId);
        var shared = Assert.Single(detail.Value!.SharedPassages);
        Assert.Equal((3, result.Value.Stored.SourceId, 5, false), (shared.LineStart, shared.OtherSourceId, shared.OtherLineStart, shared.Earlier));
    }

    [Fact]
    public async Task Ingest_DryRun_FindsTheCopyAndStoresNoSignature()
    {
        await using var db = _database.CreateContext();
        var passagesBefore = await db.SourcePassages.CountAsync();

        var result = await Handlers.Ingest(db).HandleAsync(new IngestRequest("digest.txt", Encoding.UTF8.GetBytes(Republished + "\n"), null, IngestMode.DryRun));

        Assert.Equal(1, Assert.Single(result.Value!.Copies).Line);
        Assert.Equal(passagesBefore, await db.SourcePassages.CountAsync());
        Assert.Empty(await db.PassageCopies.ToListAsync());
    }

    [Fact]
    public async Task Ingest_NewVersionOfTheSameFile_IsNotACopyOfItself()
    {
        var text = (await File.ReadAllTextAsync(ExampleFiles.Article)).Replace("Launched 2023", "Completed 2025", StringComparison.Ordinal);
        await using var db = _database.CreateContext();

        var result = await Handlers.Ingest(db).HandleAsync(new IngestRequest("article.txt", Encoding.UTF8.GetBytes(text), null, IngestMode.Store));

        Assert.Equal(2, result.Value!.Stored!.Version);
        Assert.Empty(result.Value.Copies);
    }

    [Fact]
    public async Task Ingest_UnrelatedText_HasNoCopies()
    {
        await using var db = _database.CreateContext();
        var text = "The harbour authority published its annual tonnage figures, which rose for the third year in a row across all terminals.\n"u8.ToArray();

        var result = await Handlers.Ingest(db).HandleAsync(new IngestRequest("harbour.txt", text, null, IngestMode.Store));

        Assert.Empty(result.Value!.Copies);
        Assert.True(await db.SourcePassages.AnyAsync(p => p.SourceId == result.Value.Stored!.SourceId));
    }
}
