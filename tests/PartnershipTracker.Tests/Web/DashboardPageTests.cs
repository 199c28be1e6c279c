using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PartnershipTracker.Tests.Web;

/// <summary>The dashboard of the example programme, as loaded on first run.</summary>
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
    public async Task Dashboard_ExampleProgramme_CountsRecordsByStatus()
    {
        var page = await app.GetPageAsync("/");

        Assert.Equal(
            [("planned", "0"), ("launched", "1"), ("ongoing", "1"), ("completed", "0"), ("stalled", "0"), ("cancelled", "0")],
            Pairs(page, "initiatives-by-status"));
        Assert.Equal([("open", "5"), ("easing", "0"), ("resolved", "0")], Pairs(page, "challenges-by-status"));
        Assert.Equal([("issued", "7"), ("accepted", "0"), ("in progress", "0"), ("implemented", "0"), ("rejected", "0")], Pairs(page, "recommendations-by-status"));
        Assert.Equal([("due", "0"), ("done", "22"), ("missed", "0")], Pairs(page, "milestones-by-status"));
    }

    [Fact]
    public async Task Dashboard_ExampleProgramme_CountsRecordsByArea()
    {
        var page = await app.GetPageAsync("/");

        var rows = Rows(page, "#records-by-area");
        Assert.Equal(["Cybersecurity", "1", "1", "1", "1", "4"], rows.Single(r => r[0] == "Cybersecurity"));
        Assert.Equal(["Defense Reform", "1", "1", "0", "0", "2"], rows.Single(r => r[0] == "Defense Reform"));
        Assert.Equal(["No area (cross-cutting)", "0", "3", "0", "3", "6"], rows[^1]);
        Assert.NotNull(page.QuerySelector("#records-by-area a[href^='/areas/']"));
    }

    [Fact]
    public async Task Dashboard_ExampleProgramme_ShowsLatestValueAndTrendOfEachIndicator()
    {
        var page = await app.GetPageAsync("/");

        var rows = Rows(page, "table[aria-labelledby='indicators']");
        Assert.Equal(
            ["Defence spending as share of GDP", "0.9 % of GDP (Apr 2024)", "0.74 % of GDP (2021)", "improving"],
            rows.Single(r => r[0] == "Defence spending as share of GDP"));
        Assert.Equal("falling", rows.Single(r => r[0] == "MoD budget")[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task Dashboard_Charts_AreImagesWithAltTextAndTheirNumbersInATable()
    {
        var page = await app.GetPageAsync("/");

        var images = page.QuerySelectorAll("figure.chart img").OfType<IHtmlImageElement>().ToList();
        Assert.Contains(images, i => i.Source!.EndsWith("/charts/initiatives-by-status.svg?programme=nato-bih", StringComparison.Ordinal));
        Assert.Contains(images, i => i.Source!.EndsWith("/charts/records-by-area.svg?programme=nato-bih", StringComparison.Ordinal));
        Assert.Contains(images, i => i.Source!.Contains("/charts/indicators/", StringComparison.Ordinal));
        Assert.All(images, i => Assert.False(string.IsNullOrWhiteSpace(i.AlternativeText)));
        var statusFigure = images.Single(i => i.Source!.Contains("initiatives-by-status", StringComparison.Ordinal)).Closest("figure")!;
        Assert.NotNull(statusFigure.QuerySelector("details table#initiatives-by-status"));
    }

    [Fact]
    public async Task Dashboard_ExampleProgramme_AlertsSayNothingIsWrong()
    {
        var page = await app.GetPageAsync("/");
        var main = page.QuerySelector("main")!.TextContent;

        Assert.Contains("No initiative is stalled.", main, StringComparison.Ordinal);
        Assert.Contains("No open challenge is rated high or critical.", main, StringComparison.Ordinal);
        Assert.Contains("No milestone is overdue on", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_RecentChanges_ListTheLoadedRecordsWithLinks()
    {
        var page = await app.GetPageAsync("/");

        var items = page.QuerySelectorAll("ol.changes li");
        Assert.Equal(15, items.Length);
        Assert.All(items, li => Assert.NotNull(li.QuerySelector("time[datetime]")));
        Assert.Contains(items, li => li.QuerySelector("a[href^='/sources/']") is not null);
    }

    [Fact]
    public async Task Dashboard_ProgrammeBySlug_ShowsIt_AndUnknownSlugIs404()
    {
        var page = await app.GetPageAsync("/?programme=nato-bih");
        Assert.Equal("NATO – Bosnia and Herzegovina", page.QuerySelector("h1")!.TextContent.Trim());

        var missing = await app.GetPageAsync("/?programme=no-such-programme", 404);
        Assert.Contains("programme 'no-such-programme' does not exist", missing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static List<(string, string)> Pairs(IHtmlDocument page, string tableId) =>
        Rows(page, "#" + tableId).Select(r => (r[0], r[1])).ToList();

    private static List<string[]> Rows(IHtmlDocument page, string table) =>
        page.QuerySelector(table)!.QuerySelectorAll("tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
}
