using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Dashboard;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Dashboard;

/// <summary>
/// The dashboard of a made-up programme whose every count is known, and of a second one for the portfolio. The
/// clock is the database's fake one: 2026-11-29 12:00 UTC unless a test moves it.
/// </summary>
public sealed class ProgrammeDashboardTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;
    private int _reform;
    private int _cyber;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        var programme = new Programme { Slug = "made-up", Name = "Made-up programme", Alliance = "NATO", PartnerIso3 = "XXX" };
        var other = new Programme { Slug = "other", Name = "Other programme", Alliance = "EU", PartnerIso3 = "YYY" };
        db.Programmes.AddRange(programme, other);
        await db.SaveChangesAsync();
        var reform = new Area { ProgrammeId = programme.Id, Name = "Defence reform" };
        var cyber = new Area { ProgrammeId = programme.Id, Name = "Cyber" };
        var gone = new Area { ProgrammeId = programme.Id, Name = "Deleted area" };
        db.Areas.AddRange(reform, cyber, gone);
        await db.SaveChangesAsync();
        (_reform, _cyber) = (reform.Id, cyber.Id);

        Initiative I(string name, InitiativeStatus? status, Area? area, int programmeId = 0) =>
            new() { ProgrammeId = programmeId == 0 ? programme.Id : programmeId, Name = name, Status = status, AreaId = area?.Id };
        db.Initiatives.AddRange(
            I("Alpha", InitiativeStatus.Ongoing, reform),
            I("Bravo", InitiativeStatus.Ongoing, reform),
            I("Charlie", InitiativeStatus.Stalled, cyber),
            I("Delta", InitiativeStatus.Stalled, gone),
            I("Echo", null, null),
            I("Foxtrot (deleted)", InitiativeStatus.Stalled, reform),
            I("Other's stalled", InitiativeStatus.Stalled, null, other.Id));
        Challenge C(string title, Severity severity, ChallengeStatus status, Area? area) =>
            new() { ProgrammeId = programme.Id, Title = title, Severity = severity, Status = status, AreaId = area?.Id };
        db.Challenges.AddRange(
            C("Critical open", Severity.Critical, ChallengeStatus.Open, reform),
            C("High easing", Severity.High, ChallengeStatus.Easing, null),
            C("High resolved", Severity.High, ChallengeStatus.Resolved, cyber),
            C("Medium open", Severity.Medium, ChallengeStatus.Open, cyber));
        db.Achievements.Add(new Achievement { ProgrammeId = programme.Id, Title = "Law adopted", AreaId = reform.Id });
        db.Recommendations.AddRange(
            new Recommendation { ProgrammeId = programme.Id, StrategicAction = "Consult", Status = RecommendationStatus.Accepted, AreaId = cyber.Id },
            new Recommendation { ProgrammeId = programme.Id, StrategicAction = "Train", Status = RecommendationStatus.Issued });
        Milestone M(string title, PartialDate? date, MilestoneStatus status) =>
            new() { ProgrammeId = programme.Id, Title = title, Date = date, Status = status };
        db.Milestones.AddRange(
            M("Year past", new PartialDate(2025), MilestoneStatus.Due),
            M("Year now", new PartialDate(2026), MilestoneStatus.Due),
            M("Month past", new PartialDate(2026, 10), MilestoneStatus.Due),
            M("Month now", new PartialDate(2026, 11), MilestoneStatus.Due),
            M("Yesterday", new PartialDate(2026, 11, 28), MilestoneStatus.Due),
            M("Today", new PartialDate(2026, 11, 29), MilestoneStatus.Due),
            M("Done long ago", new PartialDate(2020), MilestoneStatus.Done),
            M("Undated", null, MilestoneStatus.Due));
        await db.SaveChangesAsync();

        var foxtrot = await db.Initiatives.SingleAsync(i => i.Name == "Foxtrot (deleted)");
        foxtrot.DeletedAt = _database.Time.GetUtcNow();
        gone.DeletedAt = _database.Time.GetUtcNow();
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task HandleAsync_MadeUpProgramme_CountsLiveRecordsByStatus()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(
            [(InitiativeStatus.Planned, 0), (InitiativeStatus.Launched, 0), (InitiativeStatus.Ongoing, 2), (InitiativeStatus.Completed, 0),
             (InitiativeStatus.Stalled, 2), (InitiativeStatus.Cancelled, 0), ((InitiativeStatus?)null, 1)],
            dashboard.Initiatives.Select(s => (s.Status, s.Count)));
        Assert.Equal([2, 1, 1], dashboard.Challenges.Select(s => s.Count));
        Assert.Equal([1, 1, 0, 0, 0], dashboard.Recommendations.Select(s => s.Count));
        Assert.Equal([7, 1, 0], dashboard.Milestones.Select(s => s.Count));
    }

    [Fact]
    public async Task HandleAsync_MadeUpProgramme_CountsByAreaWithDeletedAreaAsCrossCutting()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(
            [
                new AreaCount(_reform, "Defence reform", 1, 1, 2, 0),
                new AreaCount(_cyber, "Cyber", 0, 2, 1, 1),
                new AreaCount(null, "No area (cross-cutting)", 0, 1, 2, 1),
            ],
            dashboard.Areas);
    }

    [Fact]
    public async Task HandleAsync_MadeUpProgramme_ListsAlerts()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(["Charlie", "Delta"], dashboard.Stalled.Select(s => s.Name));
        Assert.Equal(2, dashboard.StalledTotal);
        Assert.Equal("Cyber", dashboard.Stalled[0].Area);
        Assert.Null(dashboard.Stalled[1].Area);
        Assert.Equal(["Critical open", "High easing"], dashboard.HighSeverity.Select(c => c.Title));
        Assert.Equal(2, dashboard.HighSeverityTotal);
    }

    [Fact]
    public async Task HandleAsync_OverdueMilestones_AreThoseWhosePeriodEndedBeforeToday()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(new DateOnly(2026, 11, 29), dashboard.Today);
        Assert.Equal(["Year past", "Month past", "Yesterday"], dashboard.Overdue.Select(m => m.Title));
        Assert.Equal(3, dashboard.OverdueTotal);
    }

    [Fact]
    public async Task HandleAsync_ClockMovedToDecember_MakesTheMonthOverdue()
    {
        _database.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero));

        var dashboard = await DashboardAsync();

        Assert.Equal(["Year past", "Month past", "Month now", "Yesterday", "Today"], dashboard.Overdue.Select(m => m.Title));
    }

    [Fact]
    public async Task HandleAsync_RecentChanges_NewestFirstWithNamesAndDeletes()
    {
        var dashboard = await DashboardAsync();

        var newest = dashboard.RecentChanges[0];
        Assert.Equal(ChangeAction.Deleted, newest.Action);
        Assert.True(newest.RecordDeleted);
        Assert.Contains(dashboard.RecentChanges.Take(2), c => c.RecordName == "Foxtrot (deleted)" && c.RecordType == RecordType.Initiative);
        Assert.Equal(GetProgrammeDashboard.RecentLimit, dashboard.RecentChanges.Count);
        Assert.True(dashboard.RecentChanges.Zip(dashboard.RecentChanges.Skip(1)).All(p => p.First.Id > p.Second.Id));
        Assert.All(dashboard.RecentChanges, c => Assert.Equal("test", c.Actor));
    }

    [Fact]
    public async Task HandleAsync_NoSlugWithTwoProgrammes_IsInvalid()
    {
        await using var db = _database.CreateContext();

        var result = await new GetProgrammeDashboard(db, new ProgrammeLookup(db), _database.Time).HandleAsync(null);

        Assert.Equal(Common.FailureKind.Invalid, result.Failure?.Kind);
    }

    [Fact]
    public async Task GetPortfolio_TwoProgrammes_CountsEachWithAlerts()
    {
        await using var db = _database.CreateContext();

        var portfolio = await new GetPortfolio(db, _database.Time).HandleAsync();

        Assert.Equal(
            [
                new PortfolioProgramme("made-up", "Made-up programme", "NATO", "XXX", 5, 2, 3, 2, 2, 3, 0),
                new PortfolioProgramme("other", "Other programme", "EU", "YYY", 1, 1, 0, 0, 0, 0, 0),
            ],
            portfolio);
        Assert.Equal(7, portfolio[0].Alerts);
    }

    private async Task<ProgrammeDashboard> DashboardAsync()
    {
        await using var db = _database.CreateContext();
        var result = await new GetProgrammeDashboard(db, new ProgrammeLookup(db), _database.Time).HandleAsync("made-up");
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }
}
