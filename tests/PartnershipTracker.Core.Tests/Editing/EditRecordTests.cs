using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.History;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Editing;

/// <summary>Creating and updating each editable record type: values stored, revision bumped, history kept, concurrency kept.</summary>
public sealed class EditRecordTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;
    private int _cyberAreaId;
    private int _defenseAreaId;
    private int _cyberInitiativeId;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await Handlers.LoadExampleAsync(db);
        _cyberAreaId = (await db.Areas.SingleAsync(a => a.Name == "Cybersecurity")).Id;
        _defenseAreaId = (await db.Areas.SingleAsync(a => a.Name == "Defense Reform")).Id;
        _cyberInitiativeId = (await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative")).Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreateAsync_Initiative_StoredAtRevision1WithCreatedHistory()
    {
        var input = new InitiativeInput
        {
            Name = "  Reserve Force Reform ",
            AreaId = _defenseAreaId,
            Status = "ongoing",
            StatusLabel = "Ongoing since 2024",
            Start = "2024-03",
            End = "2026",
            LeadInstitution = "Ministry of Defence",
            FocusArea = "Defence Reform",
        };

        var created = await Editor<EditInitiative>().CreateAsync("nato-bih", input);

        Assert.True(created.Succeeded, created.Failure?.Message);
        await using var db = _database.CreateContext();
        var stored = await db.Initiatives.SingleAsync(i => i.Id == created.Value!.Id);
        Assert.Equal(
            ("Reserve Force Reform", _defenseAreaId, InitiativeStatus.Ongoing, "Ongoing since 2024", new PartialDate(2024, 3), new PartialDate(2026), "Ministry of Defence", "Defence Reform", 1),
            (stored.Name, stored.AreaId, stored.Status, stored.StatusLabel, stored.Start, stored.End, stored.LeadInstitution, stored.FocusArea, stored.Revision));
        Assert.Equal(new RecordRevision(RecordType.Initiative, stored.Id, 1, null), created.Value);
        var history = Assert.Single((await new GetRecordHistory(db).HandleAsync(RecordType.Initiative, stored.Id)).Value!);
        Assert.Equal((ChangeAction.Created, 1, "test"), (history.Action, history.Revision, history.Actor));
    }

    [Fact]
    public async Task UpdateAsync_Initiative_ReplacesFieldsBumpsRevisionAndRecordsChangedFields()
    {
        var input = new InitiativeInput { Name = "Cybersecurity Initiative", AreaId = _cyberAreaId, Status = "Stalled", StatusLabel = "Launched 2023", Start = "2023", FocusArea = "Digital Threat Protection" };

        var updated = await Editor<EditInitiative>().UpdateAsync(_cyberInitiativeId, 1, input);

        Assert.Equal(new RecordRevision(RecordType.Initiative, _cyberInitiativeId, 2, null), updated.Value);
        await using var db = _database.CreateContext();
        Assert.Equal(InitiativeStatus.Stalled, (await db.Initiatives.SingleAsync(i => i.Id == _cyberInitiativeId)).Status);
        var latest = (await new GetRecordHistory(db).HandleAsync(RecordType.Initiative, _cyberInitiativeId)).Value![0];
        Assert.Equal(ChangeAction.Updated, latest.Action);
        var field = Assert.Single(latest.Fields);
        Assert.Equal(("Status", "Launched", "Stalled"), (field.Field, field.Before.GetString(), field.After.GetString()));
    }

    [Fact]
    public async Task UpdateAsync_StaleRevision_ConflictAndNothingChanged()
    {
        var first = await Editor<EditInitiative>().UpdateAsync(_cyberInitiativeId, 1, new InitiativeInput { Name = "First edit", Status = "Ongoing" });

        var second = await Editor<EditInitiative>().UpdateAsync(_cyberInitiativeId, 1, new InitiativeInput { Name = "Second edit", Status = "Cancelled" });

        Assert.True(first.Succeeded);
        Assert.Equal(FailureKind.Conflict, second.Failure?.Kind);
        Assert.Contains("is at revision 2, not 1", second.Failure!.Message, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var stored = await db.Initiatives.SingleAsync(i => i.Id == _cyberInitiativeId);
        Assert.Equal(("First edit", InitiativeStatus.Ongoing, 2), (stored.Name, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task UpdateAsync_RaceAfterRead_ConcurrencyTokenGivesConflict()
    {
        await using var db = _database.CreateContext();
        var editor = new EditInitiative(db, new ProgrammeLookup(db));
        await db.Initiatives.SingleAsync(i => i.Id == _cyberInitiativeId);
        await Editor<EditInitiative>().UpdateAsync(_cyberInitiativeId, 1, new InitiativeInput { Name = "Saved meanwhile" });

        // The context still holds revision 1, as if it had read just before the other save.
        var late = await editor.UpdateAsync(_cyberInitiativeId, 1, new InitiativeInput { Name = "Late edit" });

        Assert.Equal(FailureKind.Conflict, late.Failure?.Kind);
        Assert.Contains("is at revision 2, not 1", late.Failure!.Message, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Equal("Saved meanwhile", (await check.Initiatives.SingleAsync(i => i.Id == _cyberInitiativeId)).Name);
    }

    [Fact]
    public async Task UpdateAsync_DeletedRecord_NotFound()
    {
        await using (var db = _database.CreateContext())
        {
            await new DeleteRecord(db, _database.Time).HandleAsync(new RecordAtRevision(RecordType.Initiative, _cyberInitiativeId, 1));
        }

        var result = await Editor<EditInitiative>().UpdateAsync(_cyberInitiativeId, 2, new InitiativeInput { Name = "Back from the dead" });

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        Assert.Equal($"initiative {_cyberInitiativeId} does not exist", result.Failure!.Message);
    }

    [Fact]
    public async Task CreateAsync_UnknownProgramme_NotFound()
    {
        var result = await Editor<EditAchievement>().CreateAsync("nato-xyz", new AchievementInput { Title = "Anything" });

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
    }

    [Fact]
    public async Task CreateAndUpdate_Area_StoredWithAliasAndRenameKeepsOldName()
    {
        var created = await Editor<EditArea>().CreateAsync(null, new AreaInput { Name = "Border Security", Chapter = "security", Description = "Borders and crossings" });
        var updated = await Editor<EditArea>().UpdateAsync(created.Value!.Id, 1, new AreaInput { Name = "Border Management", Chapter = "Security" });

        Assert.Equal(2, updated.Value?.Revision);
        await using var db = _database.CreateContext();
        var area = await db.Areas.Include(a => a.Aliases).SingleAsync(a => a.Id == created.Value.Id);
        Assert.Equal(("Border Management", MapChapter.Security, (string?)null), (area.Name, area.Chapter, area.Description));
        Assert.Equal(["Border Management", "Border Security"], area.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_AreaNameOfAnotherArea_InvalidName()
    {
        var result = await Editor<EditArea>().CreateAsync(null, new AreaInput { Name = "CYBER-SECURITY".Replace("-", "", StringComparison.Ordinal) });

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        Assert.Equal([$"name: area {_cyberAreaId} is already called 'CYBERSECURITY' (or a name that compares equal)"], result.Failure!.Fields!["name"]);
    }

    [Fact]
    public async Task CreateAndUpdate_Achievement_Stored()
    {
        var created = await Editor<EditAchievement>().CreateAsync(null, new AchievementInput { Title = "Joined the cyber range", AreaId = _cyberAreaId, Date = "2025-06-12" });
        var updated = await Editor<EditAchievement>().UpdateAsync(created.Value!.Id, 1, new AchievementInput { Title = "Joined the NATO cyber range", Date = "2025-06" });

        Assert.Equal(2, updated.Value?.Revision);
        await using var db = _database.CreateContext();
        var stored = await db.Achievements.SingleAsync(a => a.Id == created.Value.Id);
        Assert.Equal(("Joined the NATO cyber range", (int?)null, (PartialDate?)new PartialDate(2025, 6)), (stored.Title, stored.AreaId, stored.Date));
    }

    [Fact]
    public async Task CreateAndUpdate_Challenge_StoredWithDefaultsThenValues()
    {
        var created = await Editor<EditChallenge>().CreateAsync(null, new ChallengeInput { Title = "Budget freeze" });
        var updated = await Editor<EditChallenge>().UpdateAsync(created.Value!.Id, 1, new ChallengeInput
        {
            Title = "Budget freeze",
            AreaId = _defenseAreaId,
            Impact = "No procurement in 2025",
            Severity = "HIGH",
            Status = "easing",
            Owner = "Council of Ministers",
        });

        await using var db = _database.CreateContext();
        var stored = await db.Challenges.SingleAsync(c => c.Id == created.Value.Id);
        Assert.Equal(2, updated.Value?.Revision);
        Assert.Equal(
            (_defenseAreaId, "No procurement in 2025", Severity.High, ChallengeStatus.Easing, "Council of Ministers"),
            ((int)stored.AreaId!, stored.Impact!, stored.Severity, stored.Status, stored.Owner!));
    }

    [Fact]
    public async Task CreateAndUpdate_Milestone_StoredUnderInitiative()
    {
        var created = await Editor<EditMilestone>().CreateAsync(null, new MilestoneInput { Title = "Strategy adopted", InitiativeId = _cyberInitiativeId, Date = "2025-12", DateText = "Dec 2025", Status = "Due" });
        var updated = await Editor<EditMilestone>().UpdateAsync(created.Value!.Id, 1, new MilestoneInput { Title = "Strategy adopted", InitiativeId = _cyberInitiativeId, Date = "2025-12-04", Status = "done", Confidence = "high" });

        await using var db = _database.CreateContext();
        var stored = await db.Milestones.SingleAsync(m => m.Id == created.Value.Id);
        Assert.Equal(2, updated.Value?.Revision);
        Assert.Equal(
            ((int?)_cyberInitiativeId, new PartialDate(2025, 12, 4), (string?)null, MilestoneStatus.Done, "high"),
            (stored.InitiativeId, stored.Date!.Value, stored.DateText, stored.Status, stored.Confidence!));
    }

    [Fact]
    public async Task CreateAndUpdate_Recommendation_Stored()
    {
        var created = await Editor<EditRecommendation>().CreateAsync(null, new RecommendationInput { StrategicAction = "Adopt a cyber strategy", Cycle = "2024" });
        var updated = await Editor<EditRecommendation>().UpdateAsync(created.Value!.Id, 1, new RecommendationInput
        {
            StrategicAction = "Adopt a cyber strategy",
            AreaId = _cyberAreaId,
            FocusArea = "Cyber",
            ExpectedOutcome = "A national CERT",
            IssuedBy = "NATO",
            Cycle = "2025",
            Status = "inprogress",
        });

        await using var db = _database.CreateContext();
        var stored = await db.Recommendations.SingleAsync(r => r.Id == created.Value.Id);
        Assert.Equal(2, updated.Value?.Revision);
        Assert.Equal(
            (_cyberAreaId, "Cyber", "A national CERT", "NATO", "2025", RecommendationStatus.InProgress),
            ((int)stored.AreaId!, stored.FocusArea!, stored.ExpectedOutcome!, stored.IssuedBy!, stored.Cycle!, stored.Status));
    }

    [Fact]
    public async Task CreateAndUpdate_Indicator_Stored()
    {
        var created = await Editor<EditIndicator>().CreateAsync(null, new IndicatorInput { Name = "Cyber incidents handled", Unit = "incidents" });
        var updated = await Editor<EditIndicator>().UpdateAsync(created.Value!.Id, 1, new IndicatorInput { Name = "Cyber incidents handled", Unit = "incidents per year", AreaId = _cyberAreaId, Direction = "neutral", Description = "By the CERT" });

        await using var db = _database.CreateContext();
        var stored = await db.Indicators.SingleAsync(i => i.Id == created.Value.Id);
        Assert.Equal(2, updated.Value?.Revision);
        Assert.Equal(("incidents per year", _cyberAreaId, IndicatorDirection.Neutral, "By the CERT"), (stored.Unit, (int)stored.AreaId!, stored.Direction, stored.Description!));
    }

    [Fact]
    public async Task UpdateAsync_Source_ChangesCitationKeepsIngestedText()
    {
        await using var read = _database.CreateContext();
        var article = await read.Sources.AsNoTracking().SingleAsync(s => s.FileName == "article.txt");

        var updated = await Editor<EditSource>().UpdateAsync(article.Id, article.Revision, new SourceInput
        {
            Title = "NATO and BiH",
            Publisher = "Example Press",
            Url = "https://example.org/nato-bih",
            PublishedOn = "2024-05",
            Kind = "media",
            Reliability = "b",
            Credibility = 2,
        });

        await using var db = _database.CreateContext();
        var stored = await db.Sources.SingleAsync(s => s.Id == article.Id);
        Assert.Equal(article.Revision + 1, updated.Value?.Revision);
        Assert.Equal(
            ("NATO and BiH", "Example Press", "https://example.org/nato-bih", new PartialDate(2024, 5), SourceKind.Media, 'B', 2),
            (stored.Title, stored.Publisher!, stored.Url!, stored.PublishedOn!.Value, stored.Kind, stored.Reliability!.Value, stored.Credibility!.Value));
        Assert.Equal(article.Content, stored.Content);
        Assert.Equal(article.Sha256, stored.Sha256);
    }

    [Fact]
    public async Task UpdateAsync_SameValues_NoNewRevision()
    {
        var input = new AchievementInput { Title = "Same", Date = "2020" };
        var created = await Editor<EditAchievement>().CreateAsync(null, input);

        var again = await Editor<EditAchievement>().UpdateAsync(created.Value!.Id, 1, input);

        Assert.Equal(1, again.Value?.Revision);
    }

    private T Editor<T>()
        where T : class
    {
        var db = _database.CreateContext();
        return (T)Activator.CreateInstance(typeof(T), [db, new ProgrammeLookup(db), null])!; // the third: MarkingDefaults, null for the built-in default
    }
}
