using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PartnershipTracker.Domain;

namespace PartnershipTracker.BrowserTests;

/// <summary>
/// Filtering and editing through the pages of common.md's UI contract. They need the list filters, edit forms and
/// history of the pages branch: <c>Needs=pages</c> keeps them out of runs before it is merged.
/// </summary>
public sealed partial class EditingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task FilterInitiatives_StatusLaunched_ShowsOnlyLaunchedInitiatives()
    {
        await using var db = app.Database.CreateContext();
        var launched = await db.Initiatives.Where(i => i.Status == InitiativeStatus.Launched).Select(i => i.Name).ToListAsync();
        Assert.Equal(["Cybersecurity Initiative"], launched);

        await using var context = await app.NewContextAsync();
        var page = await BrowserApp.OpenAsync(context, "/initiatives");
        var filter = page.Locator("main form[method=get]");
        await filter.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Launched");
        await filter.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("status=Launched", StringComparison.Ordinal));

        var rows = page.Locator("main table tbody tr");
        Assert.Equal(launched.Count, await rows.CountAsync());
        Assert.Equal(launched, (await rows.Locator("th[scope=row] a").AllInnerTextsAsync()).Select(t => t.Trim()));
        var statusColumn = await ColumnIndexAsync(page, "Status");
        foreach (var row in await rows.AllAsync())
        {
            var status = await row.Locator("th, td").Nth(statusColumn).InnerTextAsync();
            Assert.Contains("launched", status, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task EditInitiative_StatusToStalled_ShowsTheChangeInHistory()
    {
        await using var db = app.Database.CreateContext();
        var initiative = await db.Initiatives.SingleAsync(i => i.Name == "Defense Reform Program");
        Assert.Equal(InitiativeStatus.Ongoing, initiative.Status);

        await using var context = await app.NewContextAsync();
        var page = await BrowserApp.OpenAsync(context, $"/initiatives/{initiative.Id}");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/initiatives/{initiative.Id}/edit");

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Stalled");
        var saved = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), response => response.Request.Method == "POST");
        Assert.True(saved.Status is 302 or 303 or 200, $"Save answered {saved.Status}");
        await page.WaitForLoadStateAsync();

        await using (var after = app.Database.CreateContext())
        {
            Assert.Equal(InitiativeStatus.Stalled, (await after.Initiatives.SingleAsync(i => i.Id == initiative.Id)).Status);
        }

        await page.GotoAsync($"/initiatives/{initiative.Id}");
        var history = await page.EvaluateAsync<string>(
            "() => { let text = '', e = document.getElementById('history'); while ((e = e.nextElementSibling) && e.tagName !== 'H2') text += e.innerText + '\\n'; return text; }");
        Assert.Matches(StatusToStalled(), history);
        Assert.Contains(BrowserApp.AdminName, history, StringComparison.Ordinal);
        // Newest first: the update comes before the creation.
        var updated = history.IndexOf("updated", StringComparison.OrdinalIgnoreCase);
        Assert.True(updated >= 0 && updated < history.IndexOf("Stalled", StringComparison.Ordinal) + 200, history);
    }

    /// <summary>The position of the column headed <paramref name="header"/> in the page's first table.</summary>
    private static async Task<int> ColumnIndexAsync(IPage page, string header)
    {
        var headers = (await page.Locator("main table thead th").AllInnerTextsAsync()).Select(h => h.Trim()).ToList();
        var index = headers.IndexOf(header);
        Assert.True(index >= 0, $"no column '{header}' in: {string.Join(", ", headers)}");
        return index;
    }

    [GeneratedRegex(@"Status:\s*Ongoing\s*→\s*Stalled", RegexOptions.IgnoreCase)]
    private static partial Regex StatusToStalled();
}
