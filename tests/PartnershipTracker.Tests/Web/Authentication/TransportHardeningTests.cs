using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>The application behind a trusted reverse proxy at 10.0.0.2.</summary>
public sealed class TrustedProxyFixture() : WebAppFixture(security => security.TrustedProxies = "10.0.0.2");

/// <summary>The application that allows 3 failed bearer tokens per client address a minute.</summary>
public sealed class LowBearerLimitFixture() : WebAppFixture(security => security.BearerFailureLimit = 3);

/// <summary>Requests sent straight to the test server with a chosen client (TCP peer) address and host.</summary>
internal static class PeerRequests
{
    /// <summary>Sends one request as if from <paramref name="peer"/>; the answer's body is read into <c>Body</c>.</summary>
    public static async Task<(HttpResponse Response, string Body)> SendFromAsync(
        this WebAppFixture app, string peer, string method, string path, IEnumerable<(string Name, string Value)>? headers = null, string? body = null,
        string contentType = "application/json", string host = "localhost")
    {
        var uri = new Uri("http://" + host + path);
        var context = await app.Factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Method = method;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(host);
            c.Request.Path = PathString.FromUriComponent(uri);
            c.Request.QueryString = QueryString.FromUriComponent(uri);
            foreach (var (name, value) in headers ?? [])
            {
                c.Request.Headers[name] = value;
            }

            if (body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                c.Request.ContentType = contentType;
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response, await reader.ReadToEndAsync());
    }
}

/// <summary>Behind a TLS-ending proxy: forwarded headers believed only from the trusted proxy (OWASP ASVS 5.0 3.3.1, 4.1.3, 15.3.4).</summary>
public sealed class TrustedProxyTests(TrustedProxyFixture app) : IClassFixture<TrustedProxyFixture>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Signs in through /login from <paramref name="peer"/> with forwarded headers; returns every Set-Cookie of the GET and the POST.</summary>
    private async Task<string[]> SignInFromAsync(string peer)
    {
        (string, string)[] forwarded = [("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.9")];
        var (loginPage, html) = await app.SendFromAsync(peer, "GET", "/login", forwarded);
        var antiforgery = loginPage.Headers.SetCookie.ToString().Split(';')[0];
        var token = (await Parser.ParseDocumentAsync(html)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = "name=" + WebAppFixture.AdminName + "&password=" + Uri.EscapeDataString(TestUsers.Password) + "&returnUrl=&__RequestVerificationToken=" + Uri.EscapeDataString(token);
        var (signedIn, _) = await app.SendFromAsync(peer, "POST", "/login", [.. forwarded, ("Cookie", antiforgery)], form, "application/x-www-form-urlencoded");
        Assert.Equal(StatusCodes.Status302Found, signedIn.StatusCode);
        return [.. loginPage.Headers.SetCookie.Select(c => c ?? string.Empty), .. signedIn.Headers.SetCookie.Select(c => c ?? string.Empty)];
    }

    [Fact]
    public async Task FromTrustedProxy_ForwardedHttps_CookiesSecureAndAuditHasTheClientAddress()
    {
        var cookies = await SignInFromAsync("10.0.0.2");

        var session = Assert.Single(cookies, c => c.StartsWith("ptrack.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        await using var db = app.Database.CreateContext();
        Assert.Equal("203.0.113.9", (await db.AuditEntries.Where(a => a.Event == "signin.succeeded").OrderBy(a => a.Id).LastAsync()).RemoteAddress);
    }

    [Fact]
    public async Task FromUntrustedPeer_ForwardedHeadersIgnored_CookiesNotSecureAndAuditHasThePeer()
    {
        var cookies = await SignInFromAsync("10.0.0.3");

        var session = Assert.Single(cookies, c => c.StartsWith("ptrack.session=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase);
        await using var db = app.Database.CreateContext();
        Assert.Equal("10.0.0.3", (await db.AuditEntries.Where(a => a.Event == "signin.succeeded").OrderBy(a => a.Id).LastAsync()).RemoteAddress);
    }
}

/// <summary>Failed bearer tokens are rate limited per client address (OWASP ASVS 5.0 6.3.1).</summary>
public sealed class FailedBearerTokenTests(LowBearerLimitFixture app) : IClassFixture<LowBearerLimitFixture>
{
    [Fact]
    public async Task FailedBearerTokens_OverTheLimit_429WithRetryAfterAuditedOnce_OtherAddressesUnaffected()
    {
        (string, string)[] wrong = [("Authorization", "Bearer ptk_" + new string('x', 43))];
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await app.SendFromAsync("198.51.100.1", "GET", "/api/v1/areas", wrong)).Response.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
        {
            (string, string)[] right = [("Authorization", "Bearer " + await TestUsers.CreateTokenAsync(db, WebAppFixture.AdminName))];
            var (blocked, body) = await app.SendFromAsync("198.51.100.1", "GET", "/api/v1/areas", right);
            var other = await app.SendFromAsync("198.51.100.2", "GET", "/api/v1/areas", right);

            Assert.Equal([401, 401, 401, 429, 429], statuses);
            Assert.Equal(429, blocked.StatusCode);
            Assert.InRange(int.Parse(blocked.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            Assert.Equal("Too many requests", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
            Assert.Equal(200, other.Response.StatusCode);
        }

        await using var check = app.Database.CreateContext();
        var audit = await check.AuditEntries.Where(a => a.Event == "token.rate-limited").ToListAsync();
        Assert.Equal("198.51.100.1", Assert.Single(audit).RemoteAddress);
    }
}

/// <summary>No-store caching, allowed hosts, the client address on record changes, and the OpenAPI bearer scheme.</summary>
public sealed class ResponseHardeningTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("/areas", true)]
    [InlineData("/", true)]
    [InlineData("/account", true)]
    [InlineData("/api/v1/areas", true)]
    [InlineData("/api/v1/areas/999999", true)]
    [InlineData("/openapi/v1.json", true)]
    [InlineData("/css/site.css", false)]
    public async Task SignedIn_PagesAndApi_CacheControlNoStore_StaticFilesNot(string path, bool noStore)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Equal(noStore, response.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task Anonymous_Api401_CacheControlNoStore()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("localhost", 200)]
    [InlineData("127.0.0.1", 200)]
    [InlineData("rebound.example", 400)]
    public async Task AllowedHosts_DefaultLocalNamesOnly(string host, int status)
    {
        var (response, _) = await app.SendFromAsync("127.0.0.1", "GET", "/health", host: host);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task ApiPut_AuditEntryOfTheRecordChangeHasTheClientAddress()
    {
        int id;
        await using (var db = app.Database.CreateContext())
        {
            id = await db.Initiatives.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        }

        var (current, _) = await app.SendFromAsync("192.0.2.44", "GET", $"/api/v1/initiatives/{id}", [("Authorization", app.Client.DefaultRequestHeaders.Authorization!.ToString())]);
        var (put, body) = await app.SendFromAsync(
            "192.0.2.44", "PUT", $"/api/v1/initiatives/{id}",
            [("Authorization", app.Client.DefaultRequestHeaders.Authorization!.ToString()), ("If-Match", current.Headers.ETag.ToString())],
            """{"name":"Renamed from a known address"}""");

        Assert.True(put.StatusCode == 200, body);
        await using var check = app.Database.CreateContext();
        var audit = await check.AuditEntries.Where(a => a.Event == "record.updated" && a.RecordType == PartnershipTracker.Domain.RecordType.Initiative && a.RecordId == id).OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("192.0.2.44", WebAppFixture.AdminName), (audit.RemoteAddress, audit.Actor));
    }

    [Fact]
    public async Task OpenApi_DeclaresBearerScheme_WriteOperationsRequireIt_ReadsDoNot()
    {
        using var response = await app.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearerToken");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name is "get" or "put" or "post" or "patch" or "delete").Select(o => (Path: path.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        var writes = operations.Where(o => o.Method != "get").ToList();
        Assert.True(writes.Count > 20, $"only {writes.Count} write operations");
        Assert.All(writes, o => Assert.True(
            o.Operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("bearerToken", out _)),
            $"{o.Method} {o.Path} does not require the bearer scheme"));
        Assert.All(operations.Where(o => o.Method == "get"), o => Assert.False(o.Operation.TryGetProperty("security", out _), $"get {o.Path}"));
    }
}
