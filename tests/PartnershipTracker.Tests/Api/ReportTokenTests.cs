using System.Net;
using PartnershipTracker.Domain;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Api;

/// <summary><c>GET /report</c> is listed with the API, so an API token downloads it as a session does.</summary>
public sealed class ReportTokenTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Report_WithViewerToken_DownloadsMarkdownAndAuditsTheExportUnderTheirName()
    {
        await app.CreateUserAsync("report-reader", Role.Viewer);
        using var api = await app.ApiClientAsync("report-reader");

        using var response = await api.GetAsync(new Uri("/report?format=md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("# ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Contains(db.AuditEntries, e => e.Event == "export" && e.Actor == "report-reader");
    }

    [Fact]
    public async Task Report_WithUnknownToken_401NotTheSignInPage()
    {
        using var anonymous = app.AnonymousClient();
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "ptk_not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        using var response = await anonymous.GetAsync(new Uri("/report?format=md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
