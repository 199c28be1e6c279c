namespace PartnershipTracker.BrowserTests;

public sealed class SmokeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Dashboard_Opens()
    {
        await using var context = await app.NewContextAsync();
        var page = await BrowserApp.OpenAsync(context, "/");
        Assert.Equal("NATO – Bosnia and Herzegovina – Partnership Tracker", await page.TitleAsync());
    }
}
