using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Review;
using PartnershipTracker.Core.Reports;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Review;

/// <summary>
/// A record's approved version is kept while a newer edit awaits review, and approved-only reports show it
/// (PRODUCT.md C3; docs/adr/0017-review-workflow-and-audit.md, "Approved version").
/// </summary>
public sealed class ApprovedVersionTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;
    private int _defenseAreaId;
    private int _achievementId;
    private string _approvedTitle = "";

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await Handlers.LoadExampleAsync(db);
        _defenseAreaId = (await db.Areas.SingleAsync(a => a.Name == "Defense Reform")).Id;
        var achievement = await db.Achievements.Where(a => a.AreaId == _defenseAreaId).OrderBy(a => a.Id).FirstAsync();
        (_achievementId, _approvedTitle) = (achievement.Id, achievement.Title);
        Assert.Equal(ReviewState.Approved, achievement.ReviewState);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Edit_ApprovedByContributor_ApprovedOnlyReportShowsApprovedTitle_IncludeDraftsShowsNew()
    {
        await EditTitleAsContributorAsync("Edited title awaiting review");

        var (approvedOnly, withDrafts) = await ReportsAsync();

        Assert.Contains(_approvedTitle, DefenseRow(approvedOnly), StringComparison.Ordinal);
        Assert.DoesNotContain("Edited title awaiting review", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Approved records only; no record is left out. 1 record shows its approved version because a newer edit awaits review.", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Edited title awaiting review", DefenseRow(withDrafts), StringComparison.Ordinal);
        Assert.DoesNotContain(_approvedTitle, DefenseRow(withDrafts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ApprovedByContributor_StoresApprovedValuesInHistoryShape_NotAsHistoryField()
    {
        await EditTitleAsContributorAsync("Edited title awaiting review");

        await using var db = _database.CreateContext();
        var record = await db.Achievements.SingleAsync(a => a.Id == _achievementId);
        Assert.Equal(ReviewState.Draft, record.ReviewState);
        using var snapshot = System.Text.Json.JsonDocument.Parse(record.ApprovedVersion!);
        Assert.Equal(_approvedTitle, snapshot.RootElement.GetProperty("Title").GetString());
        Assert.Equal(_defenseAreaId, snapshot.RootElement.GetProperty("AreaId").GetInt32());
        Assert.False(snapshot.RootElement.TryGetProperty("ReviewState", out _));
        var update = await db.ChangeRecords.Where(c => c.RecordType == RecordType.Achievement && c.RecordId == _achievementId && c.Action == ChangeAction.Updated).SingleAsync();
        Assert.DoesNotContain("ApprovedVersion", update.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_AfterEdit_ReportShowsNewTitle_ApprovedVersionCleared()
    {
        var edited = await EditTitleAsContributorAsync("Edited title now approved");
        var submitted = await StepAsync((db, r) => new SubmitRecord(db).HandleAsync(r), edited.Revision);
        ActAs("rita", Role.Reviewer);
        var approved = await StepAsync((db, r) => new ApproveRecord(db).HandleAsync(r), submitted.Revision);

        var (approvedOnly, _) = await ReportsAsync();

        Assert.Contains("Edited title now approved", DefenseRow(approvedOnly), StringComparison.Ordinal);
        Assert.DoesNotContain(_approvedTitle, DefenseRow(approvedOnly), StringComparison.Ordinal);
        Assert.Contains("Approved records only; no record is awaiting review.", approvedOnly, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Null(await db.Achievements.Where(a => a.Id == _achievementId).Select(a => a.ApprovedVersion).SingleAsync());
        Assert.Equal(approved.Revision, await db.Achievements.Where(a => a.Id == _achievementId).Select(a => a.Revision).SingleAsync());
    }

    [Fact]
    public async Task Return_AfterEdit_KeepsApprovedVersion()
    {
        var edited = await EditTitleAsContributorAsync("Edited title to be returned");
        var submitted = await StepAsync((db, r) => new SubmitRecord(db).HandleAsync(r), edited.Revision);
        ActAs("rita", Role.Reviewer);
        await StepAsync((db, r) => new ReturnRecord(db).HandleAsync(r, "Cite the order."), submitted.Revision);

        var (approvedOnly, _) = await ReportsAsync();

        Assert.Contains(_approvedTitle, DefenseRow(approvedOnly), StringComparison.Ordinal);
        Assert.DoesNotContain("Edited title to be returned", approvedOnly, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(ReviewState.Returned, await db.Achievements.Where(a => a.Id == _achievementId).Select(a => a.ReviewState).SingleAsync());
    }

    [Fact]
    public async Task Edit_Twice_KeepsFirstApprovedVersion()
    {
        var first = await EditTitleAsContributorAsync("First edit");
        await EditTitleAsContributorAsync("Second edit", first.Revision);

        var (approvedOnly, withDrafts) = await ReportsAsync();

        Assert.Contains(_approvedTitle, DefenseRow(approvedOnly), StringComparison.Ordinal);
        Assert.DoesNotContain("First edit", approvedOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Second edit", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Second edit", withDrafts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AsDraft_HasNoApprovedVersion_LeftOutAndCounted()
    {
        ActAs("carla", Role.Contributor);
        await using (var db = _database.CreateContext())
        {
            var created = await new EditAchievement(db, new ProgrammeLookup(db)).CreateAsync("nato-bih", new AchievementInput { Title = "Brand new draft", AreaId = _defenseAreaId });
            Assert.True(created.Succeeded, created.Failure?.Message);
            Assert.Null(await db.Achievements.Where(a => a.Id == created.Value!.Id).Select(a => a.ApprovedVersion).SingleAsync());
        }

        await EditTitleAsContributorAsync("Edited title awaiting review");

        var (approvedOnly, _) = await ReportsAsync();

        Assert.DoesNotContain("Brand new draft", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Approved records only; 1 record awaiting review is left out. 1 record shows its approved version because a newer edit awaits review.", approvedOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_ApprovedOnly_ReadsEnumsAndPartialDatesBackThroughTheModel()
    {
        int id;
        await using (var db = _database.CreateContext())
        {
            var created = await new EditInitiative(db, new ProgrammeLookup(db)).CreateAsync("nato-bih", new InitiativeInput
            {
                Name = "Logistics school",
                AreaId = _defenseAreaId,
                Status = "Ongoing",
                StatusLabel = "Running since 2021",
                Start = "2021-03",
            });
            id = created.Value!.Id;
        }

        ActAs("carla", Role.Contributor);
        await using (var db = _database.CreateContext())
        {
            var edited = await new EditInitiative(db, new ProgrammeLookup(db)).UpdateAsync(id, 1, new InitiativeInput
            {
                Name = "Logistics academy",
                AreaId = null,
                Status = "Completed",
                StatusLabel = "Closed",
                Start = "2022",
            });
            Assert.True(edited.Succeeded, edited.Failure?.Message);
        }

        await using var read = _database.CreateContext();
        var approved = (await new GetProgrammeOverview(read, new ProgrammeLookup(read)).HandleAsync("nato-bih", approvedOnly: true)).Value!;
        var current = (await new GetProgrammeOverview(read, new ProgrammeLookup(read)).HandleAsync("nato-bih", approvedOnly: false)).Value!;

        var shown = approved.Initiatives.Single(i => i.Id == id);
        Assert.Equal(("Logistics school", InitiativeStatus.Ongoing, "Running since 2021", new PartialDate(2021, 3), (int?)_defenseAreaId, "Defense Reform"),
            (shown.Name, shown.Status, shown.StatusLabel, shown.Start, shown.AreaId, shown.Area));
        var now = current.Initiatives.Single(i => i.Id == id);
        Assert.Equal(("Logistics academy", InitiativeStatus.Completed, new PartialDate(2022), (int?)null), (now.Name, now.Status, now.Start, now.AreaId));
        Assert.Equal((0, 1), (approved.AwaitingReview, approved.ShownAsApproved));
    }

    [Fact]
    public async Task Save_AnyChangeThatLeavesApproved_KeepsApprovedVersion_TheDataLayerRule()
    {
        // Ingest's re-ingest and every other path change records through the context: the rule is applied on save.
        await using (var db = _database.CreateContext())
        {
            var record = await db.Achievements.SingleAsync(a => a.Id == _achievementId);
            record.Title = "Changed by some other path";
            record.ReviewState = ReviewState.Submitted;
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var stored = await read.Achievements.SingleAsync(a => a.Id == _achievementId);
        Assert.Contains($"\"Title\":\"{_approvedTitle}\"", stored.ApprovedVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ApprovedAchievementInDraftArea_ShownUnderAreaAwaitingReview_NotTheDraftName()
    {
        ActAs("carla", Role.Contributor);
        int areaId;
        await using (var db = _database.CreateContext())
        {
            areaId = (await new EditArea(db, new ProgrammeLookup(db)).CreateAsync("nato-bih", new AreaInput { Name = "Maritime domain awareness" })).Value!.Id;
        }

        ActAs("rita", Role.Reviewer);
        await using (var db = _database.CreateContext())
        {
            var created = await new EditAchievement(db, new ProgrammeLookup(db)).CreateAsync("nato-bih", new AchievementInput { Title = "Coastal radar chain approved", AreaId = areaId });
            Assert.True(created.Succeeded, created.Failure?.Message);
        }

        var (approvedOnly, withDrafts) = await ReportsAsync();

        Assert.Contains($"| {ProgrammeReport.AreaAwaitingReview} | Coastal radar chain approved", approvedOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Maritime domain awareness", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("Approved records only; 1 record awaiting review is left out.", approvedOnly, StringComparison.Ordinal);
        Assert.Contains("| Maritime domain awareness | Coastal radar chain approved", withDrafts, StringComparison.Ordinal);
        Assert.DoesNotContain(ProgrammeReport.AreaAwaitingReview, withDrafts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ApprovedAreaRenamedByContributor_RecordsShowTheApprovedAreaName()
    {
        ActAs("carla", Role.Contributor);
        await using (var db = _database.CreateContext())
        {
            var area = await db.Areas.SingleAsync(a => a.Id == _defenseAreaId);
            var renamed = await new EditArea(db, new ProgrammeLookup(db)).UpdateAsync(_defenseAreaId, area.Revision, new AreaInput { Name = "Defence Transformation", Description = area.Description, Chapter = area.Chapter?.ToString() });
            Assert.True(renamed.Succeeded, renamed.Failure?.Message);
        }

        var (approvedOnly, withDrafts) = await ReportsAsync();

        Assert.Contains($"| Defense Reform | {_approvedTitle}", approvedOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Defence Transformation", approvedOnly, StringComparison.Ordinal);
        Assert.Contains($"| Defence Transformation | {_approvedTitle}", withDrafts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_ApprovedAreaRenamedTwiceByContributor_ApprovedOnlyKeepsTheApprovedAliases()
    {
        int areaId;
        string approvedName;
        IReadOnlyList<string> approvedAliases;
        await using (var db = _database.CreateContext())
        {
            var area = await db.Areas.Include(a => a.Aliases).Where(a => a.Aliases.Any(x => x.Name != a.Name)).OrderBy(a => a.Id).FirstAsync();
            (areaId, approvedName) = (area.Id, area.Name);
            approvedAliases = (await new GetProgrammeOverview(db, new ProgrammeLookup(db)).HandleAsync("nato-bih", approvedOnly: true)).Value!.Areas.Single(a => a.Id == areaId).Aliases;
            Assert.NotEmpty(approvedAliases);
        }

        ActAs("carla", Role.Contributor);
        foreach (var name in new[] { "Interim draft name", "Final draft name" })
        {
            await using var db = _database.CreateContext();
            var area = await db.Areas.SingleAsync(a => a.Id == areaId);
            var renamed = await new EditArea(db, new ProgrammeLookup(db)).UpdateAsync(areaId, area.Revision, new AreaInput { Name = name, Description = area.Description, Chapter = area.Chapter?.ToString() });
            Assert.True(renamed.Succeeded, renamed.Failure?.Message);
        }

        await using (var db = _database.CreateContext())
        {
            var overviews = new GetProgrammeOverview(db, new ProgrammeLookup(db));
            var approvedOnly = (await overviews.HandleAsync("nato-bih", approvedOnly: true)).Value!.Areas.Single(a => a.Id == areaId);
            var withDrafts = (await overviews.HandleAsync("nato-bih", approvedOnly: false)).Value!.Areas.Single(a => a.Id == areaId);

            Assert.Equal(approvedName, approvedOnly.Name);
            Assert.Equal(approvedAliases.Order().ToList(), approvedOnly.Aliases.Order().ToList());
            Assert.Equal("Final draft name", withDrafts.Name);
            Assert.Equal(approvedAliases.Append(approvedName).Append("Interim draft name").Order().ToList(), withDrafts.Aliases.Order().ToList());
        }

        var (approvedReport, _) = await ReportsAsync();
        Assert.DoesNotContain("draft name", approvedReport, StringComparison.Ordinal);
    }

    /// <summary>The Defense Reform row of the progress areas table (the report's first table row for that area).</summary>
    private static string DefenseRow(string markdown) =>
        markdown.Split('\n').First(line => line.StartsWith("| Defense Reform |", StringComparison.Ordinal));

    private void ActAs(string name, Role role) => (_database.Actor.Name, _database.Actor.Role) = (name, role);

    private async Task<RecordRevision> EditTitleAsContributorAsync(string title, int? revision = null)
    {
        ActAs("carla", Role.Contributor);
        await using var db = _database.CreateContext();
        var current = await db.Achievements.SingleAsync(a => a.Id == _achievementId);
        var edited = await new EditAchievement(db, new ProgrammeLookup(db)).UpdateAsync(_achievementId, revision ?? current.Revision,
            new AchievementInput { Title = title, AreaId = current.AreaId, Date = current.Date?.ToString() });
        Assert.True(edited.Succeeded, edited.Failure?.Message);
        return edited.Value!;
    }

    private async Task<RecordRevision> StepAsync(Func<PtrackDbContext, RecordAtRevision, Task<Common.Result<RecordRevision>>> step, int revision)
    {
        await using var db = _database.CreateContext();
        var result = await step(db, new RecordAtRevision(RecordType.Achievement, _achievementId, revision));
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }

    /// <summary>The report as Markdown, approved-only and with drafts, read by the CLI's unrestricted admin.</summary>
    private async Task<(string ApprovedOnly, string WithDrafts)> ReportsAsync()
    {
        ActAs("cli", Role.Admin);
        await using var db = _database.CreateContext();
        var reports = new GetProgrammeReport(new GetProgrammeOverview(db, new ProgrammeLookup(db)), new ProgrammeReport(_database.Time), db, _database.Time);
        var approvedOnly = (await reports.HandleAsync("nato-bih", ReportFormat.Markdown)).Value!.Content;
        var withDrafts = (await reports.HandleAsync("nato-bih", ReportFormat.Markdown, new ReportOptions(IncludeDrafts: true))).Value!.Content;
        return (approvedOnly, withDrafts);
    }
}
