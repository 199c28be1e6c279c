using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Ingest;

/// <summary>The example programme as the first run stores it, on a real SQLite file.</summary>
public sealed class ExampleIngestTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private TempSqliteDatabase _database = null!;
    private string[] _articleLines = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await Handlers.LoadExampleAsync(db, new FakeTimeProvider(Now));
        _articleLines = (await File.ReadAllTextAsync(ExampleFiles.Article)).Split('\n');
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task LoadExample_EveryArticleRecord_HasEvidenceOnItsLine()
    {
        await using var db = _database.CreateContext();
        var article = await db.Sources.SingleAsync(s => s.FileName == "article.txt");
        var records = new List<(RecordType Type, int Id, string Text)>();
        records.AddRange(await db.Areas.Select(a => new { a.Id, a.Name }).ToListAsync().ContinueWith(t => t.Result.Select(a => (RecordType.Area, a.Id, a.Name)), TaskScheduler.Default));
        records.AddRange((await db.Achievements.ToListAsync()).Select(a => (RecordType.Achievement, a.Id, a.Title)));
        records.AddRange((await db.Challenges.ToListAsync()).Select(c => (RecordType.Challenge, c.Id, c.Title)));
        records.AddRange((await db.Initiatives.ToListAsync()).Select(i => (RecordType.Initiative, i.Id, i.Name)));
        records.AddRange((await db.Recommendations.ToListAsync()).Select(r => (RecordType.Recommendation, r.Id, r.StrategicAction)));
        var evidence = await db.Evidence.Where(e => e.SourceId == article.Id).ToListAsync();

        Assert.Equal(9 + 2 + 5 + 2 + 7, records.Count);
        foreach (var (type, id, text) in records)
        {
            var cited = evidence.Where(e => e.RecordType == type && e.RecordId == id).ToList();
            Assert.True(cited.Count > 0, $"{type} '{text}' has no evidence");
            Assert.Contains(cited, e =>
                Enumerable.Range(e.LineStart!.Value, e.LineEnd!.Value - e.LineStart.Value + 1)
                    .Any(line => _articleLines[line - 1].Contains(text.Split(' ')[0], StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task LoadExample_Initiatives_HaveStatusLabelStartAndLines()
    {
        await using var db = _database.CreateContext();
        var initiatives = await db.Initiatives.Include(i => i.Area).OrderBy(i => i.Id).ToListAsync();
        var evidence = await db.Evidence.Where(e => e.RecordType == RecordType.Initiative).OrderBy(e => e.RecordId).ToListAsync();

        Assert.Equal(
            [("Defense Reform Program", InitiativeStatus.Ongoing, "Ongoing", (PartialDate?)null, "Structural Modernization"),
             ("Cybersecurity Initiative", InitiativeStatus.Launched, "Launched 2023", new PartialDate(2023), "Cybersecurity")],
            initiatives.Select(i => (i.Name, i.Status!.Value, i.StatusLabel!, i.Start, i.Area!.Name)));
        Assert.Equal(["Structural Modernization", "Digital Threat Protection"], initiatives.Select(i => i.FocusArea));
        Assert.Equal([(40, 42), (43, 45)], evidence.Select(e => (e.LineStart!.Value, e.LineEnd!.Value)));
        Assert.Equal("Cybersecurity Initiative | Digital Threat Protection | Launched 2023", evidence[1].Quote);
    }

    [Fact]
    public async Task LoadExample_CyberAreaNames_AreOneAreaWithAliases()
    {
        await using var db = _database.CreateContext();
        var cyber = await db.Areas.Include(a => a.Aliases).SingleAsync(a => a.Name == "Cybersecurity");
        var areaNames = await db.Areas.Select(a => a.Name).ToListAsync();

        Assert.Equal(
            ["Cyber Defense", "Cybersecurity", "Digital Threat Protection"],
            cyber.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Strengthening resilience against emerging digital threats through cooperative initiatives.", cyber.Description);
        Assert.DoesNotContain("Cyber Defense", areaNames);
        Assert.DoesNotContain("Digital Threat Protection", areaNames);
        Assert.Equal(4, await db.Evidence.CountAsync(e => e.RecordType == RecordType.Area && e.RecordId == cyber.Id));
    }

    [Fact]
    public async Task LoadExample_Challenges_CrossCuttingWithImpactAndTruncatedCell()
    {
        await using var db = _database.CreateContext();
        var challenges = await db.Challenges.Include(c => c.Area).OrderBy(c => c.Id).ToListAsync();

        Assert.Equal(
            [
                ("Complex constitutional setup", null, "Restricting centralized decision-making on defense matters.", false),
                ("Defence budget limitations", null, "Affecting modernization and capability development.", false),
                ("Delays in defense property registration", null, "Impeding military infrastructure improvements.", false),
                ("Slow legislative approval", "Defense Reform", null, false),
                ("Limited national", "Cybersecurity", null, true),
            ],
            challenges.Select(c => (c.Title, c.Area?.Name, c.Impact, c.TruncatedInSource)));
        Assert.All(challenges, c => Assert.Equal(ChallengeStatus.Open, c.Status));
        Assert.All(challenges, c => Assert.Equal(Severity.Unrated, c.Severity));
    }

    [Fact]
    public async Task LoadExample_ArticleSource_HasHashContentFlagsAndRetrievalTime()
    {
        await using var db = _database.CreateContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "article.txt");
        var bytes = await File.ReadAllBytesAsync(ExampleFiles.Article);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), source.Sha256);
        Assert.Equal(Now, source.RetrievedAt);
        Assert.Equal(1, source.Version);
        Assert.Equal(68, source.Content!.Split('\n').Length);
        Assert.Equal(["assistant-text", "code-fence", "duplicate", "truncated-cell"], source.DataQualityFlags);
        Assert.Contains("\"reason\":\"duplicate\"", source.IngestReportJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameFactFromSecondDocument_AddsEvidenceNotRecords()
    {
        await using var db = _database.CreateContext();
        var before = await db.Initiatives.CountAsync();
        var second = "Initiative\nFocus Area\nStatus\nDefense Reform Program\nStructural Modernization\nOngoing\nMilitary Mobility Plan\nLogistics\nPlanned 2026\n"u8.ToArray();

        var result = await Handlers.Ingest(db).HandleAsync(new Core.Features.Ingest.IngestRequest("briefing.txt", second, "nato-bih", Core.Features.Ingest.IngestMode.Store));

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(before + 1, await db.Initiatives.CountAsync());
        var reform = await db.Initiatives.SingleAsync(i => i.Name == "Defense Reform Program");
        var sources = await db.Evidence.Where(e => e.RecordType == RecordType.Initiative && e.RecordId == reform.Id).Select(e => e.Source!.FileName).ToListAsync();
        Assert.Equal(["article.txt", "briefing.txt"], sources.Order(StringComparer.Ordinal));
        var planned = await db.Initiatives.SingleAsync(i => i.Name == "Military Mobility Plan");
        Assert.Equal((InitiativeStatus.Planned, new PartialDate(2026)), (planned.Status!.Value, planned.Start!.Value));
    }
}
