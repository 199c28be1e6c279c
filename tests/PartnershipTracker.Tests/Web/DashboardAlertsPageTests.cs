using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web;

/// <summary>The dashboard's alerts and recent changes after records change (a database of its own: these tests write).</summary>
public sealed class DashboardAlertsPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Dashboard_AfterChanges_ListsStalledOverdueAndHighSeverityWithLinks()
    {
        await app.GetPageAsync("/");

        await using (var db = app.Database.CreateContext())
        {
            var programme = await db.Programmes.SingleAsync();
            var cyber = await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative");
            cyber.Status = InitiativeStatus.Stalled;
            db.Challenges.Add(new Challenge { ProgrammeId = programme.Id, Title = "Radar coverage gap", Severity = Severity.Critical, Status = ChallengeStatus.Open });
            db.Milestones.Add(new Milestone { ProgrammeId = programme.Id, Title = "Border agency merger", Date = new PartialDate(2021, 6), Status = MilestoneStatus.Due });
            await db.SaveChangesAsync();
        }

        var page = await app.GetPageAsync("/");

        var stalled = Assert.Single(page.QuerySelectorAll("ul[aria-labelledby='stalled'] li"));
        Assert.Equal("Cybersecurity Initiative (Cybersecurity)", stalled.TextContent.Trim());
        Assert.StartsWith("/initiatives/", stalled.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var overdue = Assert.Single(page.QuerySelectorAll("ul[aria-labelledby='overdue'] li"));
        Assert.Equal("2021-06", overdue.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Border agency merger", overdue.QuerySelector("a[href^='/milestones/']")!.TextContent.Trim());
        var high = Assert.Single(page.QuerySelectorAll("table[aria-labelledby='high-severity'] tbody tr"));
        Assert.Equal(["Radar coverage gap", "cross-cutting", "critical", "open"], high.Children.Select(c => c.TextContent.Trim()));

        var latest = page.QuerySelector("ol.changes li")!;
        Assert.Contains("test", latest.QuerySelector(".actor")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("ol.changes li"), li =>
            li.TextContent.Contains("updated", StringComparison.Ordinal)
            && li.QuerySelector("a")?.TextContent == "Cybersecurity Initiative"
            && li.TextContent.Contains(": Status", StringComparison.Ordinal));
    }
}
