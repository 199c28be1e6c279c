using System.Collections.Concurrent;

namespace PartnershipTracker.BrowserTests;

public sealed class NetworkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Every request any main page makes (documents, styles, scripts, fonts, images) goes to 127.0.0.1; others are aborted and named.</summary>
    [Fact]
    public async Task EveryMainPage_RequestsNothingOutside127001()
    {
        await using var context = await app.NewContextAsync();
        var requested = new ConcurrentQueue<Uri>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            requested.Enqueue(url);
            if (url.Host == "127.0.0.1")
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync();
            }
        });

        var pages = await MainPages.AllAsync(app.Database);
        foreach (var path in pages)
        {
            var page = await BrowserApp.OpenAsync(context, path);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            await page.CloseAsync();
        }

        // At least each page and the stylesheet were seen, so the route really recorded the traffic.
        Assert.True(requested.Count > pages.Count, $"{requested.Count} requests for {pages.Count} pages");
        Assert.Contains(requested, u => u.AbsolutePath.StartsWith("/css/site", StringComparison.Ordinal));
        var outside = requested.Where(u => u.Host != "127.0.0.1").Select(u => u.ToString()).Distinct().ToList();
        Assert.True(outside.Count == 0, "requests outside 127.0.0.1: " + string.Join(", ", outside));
    }
}
