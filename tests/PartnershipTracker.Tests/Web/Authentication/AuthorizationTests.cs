using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>Who may reach what: the fallback policy, role policies, 302/401/403 and the API's CSRF rule (issue 5).</summary>
public sealed class AuthorizationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/areas")]
    [InlineData("/search?q=cyber")]
    [InlineData("/report?format=html")]
    [InlineData("/api/docs/index.html")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    public async Task Anonymous_Page_RedirectsToLoginWithTheReturnUrl(string path)
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=" + Uri.EscapeDataString(path), SignInTests.PathOf(response.Headers.Location!));
    }

    [Theory]
    [InlineData("GET", "/api/v1/areas")]
    [InlineData("GET", "/api/v1/programmes")]
    [InlineData("POST", "/api/v1/areas")]
    public async Task Anonymous_Api_401ProblemWithBearerChallenge(string method, string path)
    {
        using var client = app.AnonymousClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/css/site.css")]
    public async Task Anonymous_OpenAddresses_Answer200(string path)
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_ContributorPageAndApiChange_403AndAudited()
    {
        await app.CreateUserAsync("vera", Role.Viewer);
        using var browser = await app.SignedInClientAsync("vera");
        using var api = await app.ApiClientAsync("vera");

        using var list = await browser.GetAsync(new Uri("/areas", UriKind.Relative));
        using var newPage = await browser.GetAsync(new Uri("/areas/new", UriKind.Relative));
        using var post = await api.PostAsync(new Uri("/api/v1/areas", UriKind.Relative), new StringContent("{\"name\":\"Logistics\"}", Encoding.UTF8, "application/json"));
        using var read = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK),
            (list.StatusCode, newPage.StatusCode, post.StatusCode, read.StatusCode));
        var page = await Parser.ParseDocumentAsync(await newPage.Content.ReadAsStringAsync());
        Assert.Equal("You do not have permission", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType!.MediaType);
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.Areas.CountAsync(a => a.Name == "Logistics"));
        var denied = await db.AuditEntries.Where(a => a.Actor == "vera" && a.Event == "access.denied").Select(a => a.Details).ToListAsync();
        Assert.Equal(2, denied.Count);
        Assert.Contains(denied, d => d.Contains("\"path\":\"/areas/new\"", StringComparison.Ordinal) && d.Contains("\"method\":\"GET\"", StringComparison.Ordinal));
        Assert.Contains(denied, d => d.Contains("\"path\":\"/api/v1/areas\"", StringComparison.Ordinal) && d.Contains("\"method\":\"POST\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Viewer_PagePost_403()
    {
        await app.CreateUserAsync("vince", Role.Viewer);
        using var browser = await app.SignedInClientAsync("vince");
        var tokens = await Parser.ParseDocumentAsync(await browser.GetStringAsync(new Uri("/account/tokens", UriKind.Relative)));
        var antiforgery = tokens.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var post = await browser.PostAsync(
            new Uri("/ingest", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Contributor_ApiChangeWithToken_SavedUnderTheirName()
    {
        await app.CreateUserAsync("carl", Role.Contributor);
        using var api = await app.ApiClientAsync("carl");

        using var post = await api.PostAsync(new Uri("/api/v1/areas", UriKind.Relative), new StringContent("{\"name\":\"Carl's area\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        await using var db = app.Database.CreateContext();
        var area = await db.Areas.SingleAsync(a => a.Name == "Carl's area");
        Assert.Equal("carl", (await db.ChangeRecords.SingleAsync(c => c.RecordType == RecordType.Area && c.RecordId == area.Id)).Actor);
    }

    [Fact]
    public async Task ApiChange_WithOnlyTheSessionCookie_401()
    {
        // The admin's browser session: a cross-site request riding on it must not change anything.
        await app.CreateUserAsync("cookie-admin", Role.Admin);
        using var browser = await app.SignedInClientAsync("cookie-admin");

        using var read = await browser.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        using var post = await browser.PostAsync(new Uri("/api/v1/areas", UriKind.Relative), new StringContent("{\"name\":\"Forged\"}", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (read.StatusCode, post.StatusCode));
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.Areas.CountAsync(a => a.Name == "Forged"));
    }

    [Fact]
    public async Task Reader_RecordAboveTheirClearance_404AsIfItDidNotExist()
    {
        await app.CreateUserAsync("public-only", Role.Viewer, Classification.Public);
        using var api = await app.ApiClientAsync("public-only");
        using var browser = await app.SignedInClientAsync("public-only");
        int id;
        await using (var db = app.Database.CreateContext())
        {
            // The example programme is PUBLIC; one area of it is marked NATO UNCLASSIFIED here.
            var area = await db.Areas.OrderBy(a => a.Id).FirstAsync();
            area.Classification = Classification.NatoUnclassified;
            await db.SaveChangesAsync();
            id = area.Id;
        }

        using var hidden = await api.GetAsync(new Uri($"/api/v1/areas/{id}", UriKind.Relative));
        using var missing = await api.GetAsync(new Uri("/api/v1/areas/999999", UriKind.Relative));
        using var hiddenPage = await browser.GetAsync(new Uri($"/areas/{id}", UriKind.Relative));
        using var list = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        using var adminSees = await app.Client.GetAsync(new Uri($"/api/v1/areas/{id}", UriKind.Relative));

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            (hidden.StatusCode, missing.StatusCode, hiddenPage.StatusCode, adminSees.StatusCode));
        using var items = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var ids = items.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.DoesNotContain(id, ids);
        Assert.NotEmpty(ids);
    }
}
