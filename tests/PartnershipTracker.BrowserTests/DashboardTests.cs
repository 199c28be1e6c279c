using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PartnershipTracker.Domain;

namespace PartnershipTracker.BrowserTests;

public sealed class DashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Dashboard_ExampleProgramme_ShowsTitleAndInitiativeCounts()
    {
        await using var context = await app.NewContextAsync();
        var page = await BrowserApp.OpenAsync(context, "/");

        Assert.Equal("NATO – Bosnia and Herzegovina – Partnership Tracker", await page.TitleAsync());
        Assert.Equal("NATO – Bosnia and Herzegovina", (await page.Locator("h1").InnerTextAsync()).Trim());

        // The example programme has one launched and one ongoing initiative; the table counts each status.
        var byStatus = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Initiatives by status" }) });
        Assert.Equal("1", (await byStatus.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "launched", Exact = true }) }).Locator("td").InnerTextAsync()).Trim());
        Assert.Equal("1", (await byStatus.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "ongoing", Exact = true }) }).Locator("td").InnerTextAsync()).Trim());
        Assert.Equal("0", (await byStatus.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "stalled", Exact = true }) }).Locator("td").InnerTextAsync()).Trim());

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Initiatives.CountAsync(i => i.Status == InitiativeStatus.Launched));
    }

    [Fact]
    public async Task Report_ClickInNavigation_DownloadsTheProgrammeReportAsHtml()
    {
        await using var context = await app.NewContextAsync(acceptDownloads: true);
        var page = await BrowserApp.OpenAsync(context, "/");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true }).ClickAsync());

        Assert.Equal("nato-bih-report.html", download.SuggestedFilename);
        var path = await download.PathAsync();
        var html = await File.ReadAllTextAsync(path);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("NATO – Bosnia and Herzegovina", html, StringComparison.Ordinal);
        Assert.Contains("Cybersecurity Initiative", html, StringComparison.Ordinal);
    }
}
