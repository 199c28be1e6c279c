using AngleSharp.Html.Dom;

namespace PartnershipTracker.Tests.Web;

public sealed class DashboardPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Dashboard_ExampleProgramme_ShowsNameSummaryAndOneHeading()
    {
        var page = await app.GetPageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("NATO – Bosnia and Herzegovina", h1.TextContent.Trim());
        Assert.Contains("Partnership for Peace in 2006", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav a[href='/report?format=html']"));
    }

    [Fact]
    public async Task Dashboard_InitiativesTable_ShowsStatusAsEnumValueAndSourceLabel()
    {
        var page = await app.GetPageAsync("/");

        var rows = Rows(page, "initiatives");
        var defense = Row(rows, "Defense Reform Program");
        Assert.Equal("Structural Modernization", defense.Cells[1].TextContent.Trim());
        Assert.Equal("ongoing", defense.Cells[2].QuerySelector(".status")!.TextContent.Trim());

        var cyber = Row(rows, "Cybersecurity Initiative");
        Assert.Equal("launched", cyber.Cells[2].QuerySelector(".status")!.TextContent.Trim());
        Assert.Contains("Launched 2023", cyber.Cells[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("2023", cyber.Cells[3].TextContent.Trim());
    }

    [Fact]
    public async Task Dashboard_ProgressTable_MarksTheCellTruncatedInSource()
    {
        var page = await app.GetPageAsync("/");

        var rows = Rows(page, "progress");
        Assert.Equal(["Defense Reform", "Cybersecurity"], rows.Select(r => r.Cells[0].TextContent.Trim()));
        var cyber = Row(rows, "Cybersecurity");
        Assert.Equal("Implementation of new protocols", cyber.Cells[1].TextContent.Trim());
        var challenge = Assert.Single(cyber.Cells[2].Children);
        Assert.StartsWith("Limited national", challenge.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("truncated in source", challenge.QuerySelector(".truncated")!.TextContent.Trim());

        // Only the cut-off cell is marked.
        var defense = Row(rows, "Defense Reform");
        Assert.Null(defense.QuerySelector(".truncated"));
        Assert.Equal("Slow legislative approval", defense.Cells[2].TextContent.Trim());
    }

    [Fact]
    public async Task Dashboard_RecommendationsChallengesAndMilestones_ListEveryRecord()
    {
        var page = await app.GetPageAsync("/");
        await using var db = app.Database.CreateContext();

        var recommendations = Rows(page, "recommendations");
        Assert.Equal(db.Recommendations.Count(), recommendations.Count);
        var political = Row(recommendations, "Political Dialogue");
        Assert.Equal(
            ["Political Dialogue", "Regular high-level consultations", "Improved alignment on security policies", "issued"],
            political.Cells.Select(c => c.TextContent.Trim()));

        Assert.Equal(db.Challenges.Count(c => c.Status == Domain.ChallengeStatus.Open), Rows(page, "open-challenges").Count);
        var timeline = page.QuerySelectorAll("ol.timeline li");
        Assert.Equal(db.Milestones.Count(), timeline.Length);
        Assert.Equal("2004-12-02", timeline[0].QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Dashboard_ProgrammeBySlug_ShowsIt_AndUnknownSlugIs404()
    {
        var page = await app.GetPageAsync("/?programme=nato-bih");
        Assert.Equal("NATO – Bosnia and Herzegovina", page.QuerySelector("h1")!.TextContent.Trim());

        var missing = await app.GetPageAsync("/?programme=no-such-programme", 404);
        Assert.Contains("programme 'no-such-programme' does not exist", missing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static List<IHtmlTableRowElement> Rows(IHtmlDocument page, string headingId) =>
        page.QuerySelector($"table[aria-labelledby='{headingId}']")!
            .QuerySelectorAll("tbody tr").OfType<IHtmlTableRowElement>().ToList();

    /// <summary>The row whose first cell names <paramref name="name"/> (its link text, or its text).</summary>
    private static IHtmlTableRowElement Row(IEnumerable<IHtmlTableRowElement> rows, string name) =>
        Assert.Single(rows, r => (r.Cells[0].QuerySelector("a") ?? r.Cells[0]).TextContent.Trim() == name);
}
