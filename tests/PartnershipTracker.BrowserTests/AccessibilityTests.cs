using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace PartnershipTracker.BrowserTests;

/// <summary>axe-core on every main page: no violation of serious or critical impact.</summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<string> FixedPages => [.. MainPages.Fixed];

    [Theory]
    [MemberData(nameof(FixedPages))]
    public async Task Page_HasNoSeriousOrCriticalViolation(string path) => await AssertAccessibleAsync(path);

    [Fact]
    public async Task DetailPageOfEveryType_HasNoSeriousOrCriticalViolation()
    {
        var details = await MainPages.DetailsAsync(app.Database);
        Assert.Equal(MainPages.Lists.Length, details.Count);
        var failures = new List<string>();
        foreach (var path in details)
        {
            failures.AddRange(await ViolationsAsync(path));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task AssertAccessibleAsync(string path)
    {
        var failures = await ViolationsAsync(path);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>One line per serious or critical violation on the page: the path, the rule, and where.</summary>
    private async Task<IReadOnlyList<string>> ViolationsAsync(string path)
    {
        await using var context = await app.NewContextAsync();
        var page = await BrowserApp.OpenAsync(context, path);
        AxeResult result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        return
        [
            .. result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Html))}"),
        ];
    }
}
