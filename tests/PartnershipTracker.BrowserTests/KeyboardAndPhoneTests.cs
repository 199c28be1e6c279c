namespace PartnershipTracker.BrowserTests;

public sealed class KeyboardAndPhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<string> FixedPages => [.. MainPages.Fixed];

    [Theory]
    [InlineData("/")]
    [InlineData("/initiatives")]
    public async Task Tab_FromTheTop_ReachesTheSkipLinkFirst_WhichMovesFocusToMain(string path)
    {
        await using var context = await app.NewContextAsync();
        var page = await BrowserApp.OpenAsync(context, path);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.top >= 0; }"),
            "the focused skip link is visible");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FixedPages))]
    public async Task PhoneWidth_PageDoesNotScrollSideways(string path) => await AssertFitsAsync(path);

    [Fact]
    public async Task PhoneWidth_DetailPageOfEveryType_DoesNotScrollSideways()
    {
        foreach (var path in await MainPages.DetailsAsync(app.Database))
        {
            await AssertFitsAsync(path);
        }
    }

    private async Task AssertFitsAsync(string path)
    {
        await using var context = await app.NewContextAsync(width: 360, height: 740);
        var page = await BrowserApp.OpenAsync(context, path);
        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var wide = width <= 360 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 360).slice(-3).map(e => e.tagName + '.' + e.className).join(', ')");
        Assert.True(width <= 360, $"{path}: scrollWidth {width} at 360 px wide; widest: {wide}");
    }
}
