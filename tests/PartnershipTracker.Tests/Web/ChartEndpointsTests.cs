using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace PartnershipTracker.Tests.Web;

/// <summary>The dashboard's charts: SVG drawn on the server from the example programme's numbers.</summary>
public sealed class ChartEndpointsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task InitiativesByStatus_IsSvgWithEveryStatusAndCount()
    {
        var (response, svg) = await GetSvgAsync("/charts/initiatives-by-status.svg?programme=nato-bih");

        var texts = Texts(svg);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Initiatives by status", texts);
        Assert.Superset(new HashSet<string> { "planned", "launched", "ongoing", "completed", "stalled", "cancelled" }, texts.ToHashSet());

        // The bars' value labels come first, in status order (planned … cancelled), before the axis title.
        Assert.Equal(["0", "1", "1", "0", "0", "0"], texts.TakeWhile(t => t != "Initiatives"));
    }

    [Fact]
    public async Task RecordsByArea_NamesEachAreaWithItsTotal()
    {
        var (_, svg) = await GetSvgAsync("/charts/records-by-area.svg");

        var texts = Texts(svg);
        Assert.Contains("Cybersecurity", texts);
        Assert.Contains("No area (cross-cutting)", texts);
        Assert.Contains("6", texts);
    }

    [Fact]
    public async Task IndicatorTrend_IsSvgTitledWithTheIndicator()
    {
        await app.GetPageAsync("/");
        await using var db = app.Database.CreateContext();
        var id = await db.Indicators.Where(i => i.Name == "Defence spending as share of GDP").Select(i => i.Id).SingleAsync();

        var (_, svg) = await GetSvgAsync($"/charts/indicators/{id}.svg");

        var texts = Texts(svg);
        Assert.Contains("Defence spending as share of GDP", texts);
        Assert.Contains("% of GDP", texts);
    }

    [Fact]
    public async Task Chart_CarriesNoScriptAndAStrictPolicy()
    {
        var (response, svg) = await GetSvgAsync("/charts/initiatives-by-status.svg");

        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "foreignObject");
        Assert.DoesNotContain(svg.Descendants().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Chart_SameDataAgain_Is304ForItsETag()
    {
        var (first, _) = await GetSvgAsync("/charts/records-by-area.svg");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/charts/records-by-area.svg");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
    }

    [Theory]
    [InlineData("/charts/indicators/999999.svg")]
    [InlineData("/charts/initiatives-by-status.svg?programme=no-such-programme")]
    public async Task Chart_UnknownIndicatorOrProgramme_Is404Problem(string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private async Task<(HttpResponseMessage Response, XElement Svg)> GetSvgAsync(string path)
    {
        var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Svg + "svg", document.Root!.Name);
        return (response, document.Root);
    }

    private static List<string> Texts(XElement svg) =>
        svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
}
