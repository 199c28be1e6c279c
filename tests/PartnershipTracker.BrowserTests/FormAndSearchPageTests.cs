using System.Collections.Concurrent;
using Deque.AxeCore.Playwright;

namespace PartnershipTracker.BrowserTests;

/// <summary>
/// The accessibility scan, the 127.0.0.1-only check and the phone-width check on the pages the other parts of issue 4 add
/// (search, create and edit forms, the delete confirmation). <c>Needs=pages</c> until they are merged.
/// </summary>
public sealed class FormAndSearchPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task FormsAndSearch_HaveNoSeriousOrCriticalViolation_RequestOnly127001_AndFitAPhone()
    {
        var failures = new List<string>();
        var requested = new ConcurrentQueue<Uri>();
        await using var context = await app.NewContextAsync(width: 360, height: 740);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            requested.Enqueue(url);
            await (url.Host == "127.0.0.1" ? route.ContinueAsync() : route.AbortAsync());
        });

        foreach (var path in await MainPages.FormsAndSearchAsync(app.Database))
        {
            var page = await BrowserApp.OpenAsync(context, path);
            var result = await page.RunAxe();
            failures.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}"));
            var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            if (width > 360)
            {
                failures.Add($"{path}: scrollWidth {width} at 360 px wide");
            }

            await page.CloseAsync();
        }

        failures.AddRange(requested.Where(u => u.Host != "127.0.0.1").Select(u => "requested outside 127.0.0.1: " + u));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
