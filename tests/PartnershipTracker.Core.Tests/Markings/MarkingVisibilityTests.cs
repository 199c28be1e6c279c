using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Dashboard;
using PartnershipTracker.Core.Features.History;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Core.Features.Search;
using PartnershipTracker.Core.Reports;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Markings;

/// <summary>
/// The marking rule on every read path, with <see cref="RecordAccess"/> set directly: the example programme (PUBLIC)
/// plus marked records of this class's own, read by readers of different clearance, nationality and organisation.
/// </summary>
public sealed class MarkingVisibilityTests : IAsyncLifetime
{
    private static readonly RecordAccess Restricted = RecordAccess.Reader(Classification.NatoRestricted, "FRA", null);

    private TempSqliteDatabase _database = null!;
    private int _secretInitiative;
    private int _secretChallenge;
    private int _bihOnly;
    private int _bihAndNato;
    private int _hiddenArea;
    private int _inHiddenArea;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await Handlers.LoadExampleAsync(db);
        var programme = await db.Programmes.SingleAsync();
        var hiddenArea = new Area { ProgrammeId = programme.Id, Name = "Zanzibar clandestine area", Classification = Classification.NatoSecret };
        var initiative = new Initiative
        {
            ProgrammeId = programme.Id,
            Name = "Quetzal stalled initiative",
            Status = InitiativeStatus.Stalled,
            Classification = Classification.NatoSecret,
        };
        var challenge = new Challenge
        {
            ProgrammeId = programme.Id,
            Title = "Quetzal severe obstacle",
            Severity = Severity.Critical,
            Status = ChallengeStatus.Open,
            Classification = Classification.NatoSecret,
        };
        var bihOnly = new Achievement { ProgrammeId = programme.Id, Title = "Wombat achievement for BIH eyes", Classification = Classification.NatoRestricted, ReleasableTo = ",BIH," };
        var bihAndNato = new Achievement { ProgrammeId = programme.Id, Title = "Wombat achievement for BIH and NATO", Classification = Classification.NatoRestricted, ReleasableTo = ",BIH,NATO," };
        var inHidden = new Achievement { ProgrammeId = programme.Id, Title = "Public step in a hidden area", Area = hiddenArea, Classification = Classification.Public };
        db.AddRange(hiddenArea, initiative, challenge, bihOnly, bihAndNato, inHidden);
        await db.SaveChangesAsync();
        (_secretInitiative, _secretChallenge, _bihOnly, _bihAndNato, _hiddenArea, _inHiddenArea) =
            (initiative.Id, challenge.Id, bihOnly.Id, bihAndNato.Id, hiddenArea.Id, inHidden.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ListInitiatives_RestrictedReader_LeavesOutTheSecretOneFromItemsAndTotal()
    {
        var all = await PageAsync(RecordAccess.Unrestricted());
        var restricted = await PageAsync(Restricted);

        Assert.Contains(all.Items, i => i.Id == _secretInitiative);
        Assert.DoesNotContain(restricted.Items, i => i.Id == _secretInitiative);
        Assert.Equal(all.Total - 1, restricted.Total);
        Assert.All(restricted.Items, i => Assert.Equal("PUBLIC", i.Classification));

        async Task<RecordPage<InitiativeRow>> PageAsync(RecordAccess access)
        {
            await using var db = _database.CreateContext(access);
            var page = await new ListInitiatives(db, new ProgrammeLookup(db)).HandleAsync(new RecordQuery { Limit = 200 });
            return page.Value!;
        }
    }

    [Fact]
    public async Task Search_RestrictedReader_FindsNoHiddenRecordAndNoMore()
    {
        Assert.Equal(2, (await SearchAsync(RecordAccess.Unrestricted(), "Quetzal")).Items.Count);

        var restricted = await SearchAsync(Restricted, "Quetzal");

        Assert.Empty(restricted.Items);
        Assert.False(restricted.HasMore);
    }

    [Fact]
    public async Task Search_ReleasableTo_FollowsNationAndOrganisation()
    {
        var bih = await SearchAsync(RecordAccess.Reader(Classification.NatoSecret, "BIH", null), "Wombat");
        var fra = await SearchAsync(RecordAccess.Reader(Classification.NatoSecret, "FRA", null), "Wombat");
        var nato = await SearchAsync(RecordAccess.Reader(Classification.NatoSecret, "FRA", "NATO"), "Wombat");

        Assert.Equal(new[] { _bihOnly, _bihAndNato }.Order(), bih.Items.Select(i => i.RecordId).Order());
        Assert.Empty(fra.Items);
        Assert.Equal([_bihAndNato], nato.Items.Select(i => i.RecordId));
    }

    [Fact]
    public async Task Lists_ReleasableTo_ShowBihOnlyToBihAndBihNatoToNatoToo()
    {
        Assert.Equal([_bihOnly, _bihAndNato], await AchievementIdsAsync(RecordAccess.Reader(Classification.NatoRestricted, "BIH", null)));
        Assert.Empty(await AchievementIdsAsync(RecordAccess.Reader(Classification.NatoSecret, "FRA", null)));
        Assert.Equal([_bihAndNato], await AchievementIdsAsync(RecordAccess.Reader(Classification.NatoRestricted, "FRA", "NATO")));

        async Task<int[]> AchievementIdsAsync(RecordAccess access)
        {
            await using var db = _database.CreateContext(access);
            var list = await new ListAchievements(db, new ProgrammeLookup(db)).HandleAsync((string?)null);
            return list.Value!.Items.Where(a => a.Title.StartsWith("Wombat", StringComparison.Ordinal)).Select(a => a.Id).ToArray();
        }
    }

    [Fact]
    public async Task GetAchievement_HiddenRecord_IsNotFoundExactlyAsAMissingId()
    {
        await using var db = _database.CreateContext(RecordAccess.Reader(Classification.NatoSecret, "FRA", null));
        var hidden = await new GetAchievement(db).HandleAsync(_bihOnly);
        var missing = await new GetAchievement(db).HandleAsync(999_999);

        Assert.Equal(FailureKind.NotFound, hidden.Failure!.Kind);
        Assert.Equal(missing.Failure!.Message.Replace("999999", "ID", StringComparison.Ordinal), hidden.Failure.Message.Replace(_bihOnly.ToString(System.Globalization.CultureInfo.InvariantCulture), "ID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_RestrictedReader_CountsLeaveOutSecretRecords()
    {
        var all = await DashboardAsync(RecordAccess.Unrestricted());
        var restricted = await DashboardAsync(Restricted);

        Assert.Equal(all.StalledTotal - 1, restricted.StalledTotal);
        Assert.Equal(all.HighSeverityTotal - 1, restricted.HighSeverityTotal);
        Assert.Equal(Stalled(all) - 1, Stalled(restricted));
        Assert.Equal(Open(all) - 1, Open(restricted));
        Assert.DoesNotContain(restricted.Stalled, s => s.Id == _secretInitiative);
        Assert.DoesNotContain(restricted.HighSeverity, c => c.Id == _secretChallenge);
        Assert.DoesNotContain(restricted.RecentChanges, c => c.RecordName is not null && c.RecordName.Contains("Quetzal", StringComparison.Ordinal));
        Assert.DoesNotContain(restricted.Areas, a => a.AreaId == _hiddenArea || a.Name.Contains("Zanzibar", StringComparison.Ordinal));

        static int Stalled(ProgrammeDashboard d) => d.Initiatives.Single(s => s.Status == InitiativeStatus.Stalled).Count;
        static int Open(ProgrammeDashboard d) => d.Challenges.Single(s => s.Status == ChallengeStatus.Open).Count;

        async Task<ProgrammeDashboard> DashboardAsync(RecordAccess access)
        {
            await using var db = _database.CreateContext(access);
            return (await new GetProgrammeDashboard(db, new ProgrammeLookup(db), _database.Time).HandleAsync(null)).Value!;
        }
    }

    [Fact]
    public async Task Portfolio_RestrictedReader_CountsLeaveOutSecretRecords()
    {
        var all = await PortfolioAsync(RecordAccess.Unrestricted());
        var restricted = await PortfolioAsync(Restricted);

        Assert.Equal(all.Initiatives - 1, restricted.Initiatives);
        Assert.Equal(all.Stalled - 1, restricted.Stalled);
        Assert.Equal(all.HighSeverity - 1, restricted.HighSeverity);

        async Task<PortfolioProgramme> PortfolioAsync(RecordAccess access)
        {
            await using var db = _database.CreateContext(access);
            return Assert.Single(await new GetPortfolio(db, _database.Time).HandleAsync());
        }
    }

    [Fact]
    public async Task AchievementInHiddenArea_RowShowsNoAreaName()
    {
        await using var db = _database.CreateContext(Restricted);
        var row = (await new ListAchievements(db, new ProgrammeLookup(db)).GetRowAsync(_inHiddenArea)).Value!;

        Assert.Null(row.Area);
        Assert.Equal("PUBLIC", row.Classification);
    }

    [Fact]
    public async Task Report_RestrictedReader_HasNoHiddenRecordOrAreaName()
    {
        await using var db = _database.CreateContext(Restricted);
        var overview = (await new GetProgrammeOverview(db, new ProgrammeLookup(db)).HandleAsync(null)).Value!;
        var report = new ProgrammeReport(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));

        foreach (var format in new[] { ReportFormat.Html, ReportFormat.Markdown })
        {
            var text = report.Render(overview, format);
            Assert.Contains("Cybersecurity Initiative", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Quetzal", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Wombat", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Zanzibar", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnonymousPublicReader_SeesOnlyPublicRecords()
    {
        await using var db = _database.CreateContext(RecordAccess.Reader(Classification.Public, null, null));
        var achievements = (await new ListAchievements(db, new ProgrammeLookup(db)).HandleAsync((string?)null)).Value!.Items;
        var sources = (await new ListSources(db, new ProgrammeLookup(db)).HandleAsync((string?)null)).Value!.Items;

        Assert.NotEmpty(achievements);
        Assert.All(achievements, a => Assert.Equal("PUBLIC", a.Classification));
        Assert.DoesNotContain(achievements, a => a.Title.StartsWith("Wombat", StringComparison.Ordinal));
        Assert.All(sources, s => Assert.Equal("PUBLIC", s.Classification));
    }

    [Fact]
    public async Task History_MarkingRaised_HidesEarlierHistoryFromReadersWhoCanNoLongerSee()
    {
        int id;
        await using (var db = _database.CreateContext())
        {
            var achievement = new Achievement { ProgrammeId = (await db.Programmes.SingleAsync()).Id, Title = "Soon secret", Classification = Classification.NatoUnclassified };
            db.Add(achievement);
            await db.SaveChangesAsync();
            id = achievement.Id;
        }

        await using (var reader = _database.CreateContext(Restricted))
        {
            Assert.Single((await new GetRecordHistory(reader).HandleAsync(RecordType.Achievement, id)).Value!);
        }

        await using (var db = _database.CreateContext())
        {
            (await db.Achievements.SingleAsync(a => a.Id == id)).Classification = Classification.NatoSecret;
            await db.SaveChangesAsync();
        }

        await using (var reader = _database.CreateContext(Restricted))
        {
            var history = await new GetRecordHistory(reader).HandleAsync(RecordType.Achievement, id);
            Assert.True(!history.Succeeded || history.Value!.Count == 0, "the restricted reader still sees history of a record now NATO SECRET");
            Assert.Equal(0, await reader.ChangeRecords.CountAsync(c => c.RecordType == RecordType.Achievement && c.RecordId == id));
        }

        await using (var all = _database.CreateContext())
        {
            Assert.Equal(2, (await new GetRecordHistory(all).HandleAsync(RecordType.Achievement, id)).Value!.Count);
        }
    }

    [Fact]
    public async Task SourceCitations_CountOnlyVisibleRecords()
    {
        int sourceId;
        await using (var db = _database.CreateContext())
        {
            var source = await db.Sources.FirstAsync(s => s.FileName == "article.txt");
            sourceId = source.Id;
            db.Evidence.Add(new Evidence { RecordType = RecordType.Initiative, RecordId = _secretInitiative, SourceId = source.Id, Quote = "Quetzal", LineStart = 1, LineEnd = 1 });
            await db.SaveChangesAsync();
        }

        var all = await CitationsAsync(RecordAccess.Unrestricted());
        var restricted = await CitationsAsync(Restricted);

        Assert.Equal(all - 1, restricted);

        async Task<int> CitationsAsync(RecordAccess access)
        {
            await using var db = _database.CreateContext(access);
            return (await new ListSources(db, new ProgrammeLookup(db)).GetRowAsync(sourceId)).Value!.Citations;
        }
    }

    private async Task<SearchResults> SearchAsync(RecordAccess access, string q)
    {
        await using var db = _database.CreateContext(access);
        return (await new SearchRecords(new SqliteSearchIndex(db)).HandleAsync(new SearchRequest(q))).Value!;
    }
}
