using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web;

/// <summary>With several programmes and none named, the dashboard is the portfolio.</summary>
public sealed class PortfolioPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Dashboard_TwoProgrammesNoneNamed_ShowsPortfolioLinkingToEach()
    {
        await app.GetPageAsync("/");
        await using (var db = app.Database.CreateContext())
        {
            var eu = new Programme { Slug = "eu-test", Name = "EU – Test partner", Alliance = "EU", PartnerIso3 = "TST" };
            db.Programmes.Add(eu);
            await db.SaveChangesAsync();
            db.Initiatives.Add(new Initiative { ProgrammeId = eu.Id, Name = "Stuck", Status = InitiativeStatus.Stalled });
            await db.SaveChangesAsync();
        }

        var page = await app.GetPageAsync("/");

        Assert.Equal("Portfolio", page.QuerySelector("h1")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["EU – Test partner (EU – TST)", "1", "1", "0", "0", "0", "0", "0"], rows[0]);
        Assert.Equal(["NATO – Bosnia and Herzegovina (NATO – BIH)", "2", "0", "5", "0", "0", "7", "4"], rows[1]);
        Assert.Equal("/?programme=nato-bih", page.QuerySelectorAll("tbody th a")[1].GetAttribute("href"));

        var one = await app.GetPageAsync("/?programme=eu-test");
        Assert.Equal("EU – Test partner", one.QuerySelector("h1")!.TextContent.Trim());
    }
}
