using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Charts;

namespace PartnershipTracker.Tests.Web;

/// <summary>Charts with hostile names, and a chart that cannot be drawn. Own database: it adds records.</summary>
public sealed class ChartSafetyTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task RecordsByArea_AreaNamedWithMarkup_IsTextInTheSvg()
    {
        const string Name = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        await app.GetPageAsync("/");
        await using (var db = app.Database.CreateContext())
        {
            var programme = await db.Programmes.SingleAsync();
            var area = new Area { ProgrammeId = programme.Id, Name = Name };
            db.Areas.Add(area);
            await db.SaveChangesAsync();
            db.Achievements.Add(new Achievement { ProgrammeId = programme.Id, AreaId = area.Id, Title = "Something" });
            await db.SaveChangesAsync();
        }

        using var response = await app.Client.GetAsync(new Uri("/charts/records-by-area.svg", UriKind.Relative));
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Trim() == Name);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "img" or "foreignObject");
    }

    [Fact]
    public void Svg_DrawingFails_Is503WithoutAnETag()
    {
        var http = new DefaultHttpContext();

        var result = ChartEndpoints.Svg(http, NullLoggerFactory.Instance, "no-font", new[] { 1 }, () => throw new InvalidOperationException("no font"));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("ETag"));
    }
}
