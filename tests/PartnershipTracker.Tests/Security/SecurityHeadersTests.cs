using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Domain;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Security;

/// <summary>
/// The security headers of <c>Web/Infrastructure/SecurityHeaders.cs</c> (PRODUCT.md C9) on every kind of answer the
/// application gives — pages, redirects, error pages, API JSON and problem details, static files, /health, the OpenAPI
/// document, a chart and the report — and the flags of its cookies under HTTPS.
/// </summary>
public sealed class SecurityHeadersTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>The Referrer-Policy SecurityHeaders.cs sends: no address is ever given to another site.</summary>
    private const string ExpectedReferrerPolicy = "no-referrer";

    private static readonly string[] StackTraceMarkers = [" at PartnershipTracker.", "Exception:"];

    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders_AndNoStackTrace()
    {
        await using var db = app.Database.CreateContext();
        var initiativeId = await db.Initiatives.MinAsync(i => i.Id);
        await app.CreateUserAsync("headers-viewer", Role.Viewer);
        using var viewer = await app.SignedInClientAsync("headers-viewer");
        using var anonymous = app.AnonymousClient();
        var fingerprinted = FingerprintedAsset();

        var cases = new List<(string Name, HttpClient Client, HttpMethod Method, string Path, HttpContent? Body, HttpStatusCode Expected)>
        {
            ("dashboard", app.Client, HttpMethod.Get, "/", null, HttpStatusCode.OK),
            ("list page", app.Client, HttpMethod.Get, "/initiatives", null, HttpStatusCode.OK),
            ("detail page", app.Client, HttpMethod.Get, $"/initiatives/{initiativeId}", null, HttpStatusCode.OK),
            ("sign-in page", anonymous, HttpMethod.Get, "/login", null, HttpStatusCode.OK),
            ("redirect to sign-in", anonymous, HttpMethod.Get, "/initiatives", null, HttpStatusCode.Redirect),
            ("403 page", viewer, HttpMethod.Get, "/admin/audit", null, HttpStatusCode.Forbidden),
            ("404 page", app.Client, HttpMethod.Get, "/initiatives/999999", null, HttpStatusCode.NotFound),
            ("405 page", app.Client, HttpMethod.Put, "/initiatives", new StringContent("x"), HttpStatusCode.MethodNotAllowed),
            ("antiforgery refusal", app.Client, HttpMethod.Post, "/initiatives/new", new FormUrlEncodedContent([new("title", "no token")]), HttpStatusCode.BadRequest),
            ("API JSON", app.Client, HttpMethod.Get, "/api/v1/initiatives", null, HttpStatusCode.OK),
            ("API 401", anonymous, HttpMethod.Get, "/api/v1/initiatives", null, HttpStatusCode.Unauthorized),
            ("API 404", app.Client, HttpMethod.Get, "/api/v1/initiatives/999999", null, HttpStatusCode.NotFound),
            ("API 400", app.Client, HttpMethod.Post, "/api/v1/initiatives", new StringContent("{}", Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest),
            ("stylesheet", anonymous, HttpMethod.Get, "/css/site.css", null, HttpStatusCode.OK),
            ("fingerprinted asset", anonymous, HttpMethod.Get, fingerprinted, null, HttpStatusCode.OK),
            ("health", anonymous, HttpMethod.Get, "/health", null, HttpStatusCode.OK),
            ("OpenAPI document", app.Client, HttpMethod.Get, "/openapi/v1.json", null, HttpStatusCode.OK),
            ("chart", app.Client, HttpMethod.Get, "/charts/initiatives-by-status.svg", null, HttpStatusCode.OK),
            ("report download", app.Client, HttpMethod.Get, "/report?format=html", null, HttpStatusCode.OK),
        };

        var failures = new List<string>();
        foreach (var (name, client, method, path, body, expected) in cases)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body };
            using var response = await client.SendAsync(request);
            var where = $"{name} ({method} {path})";
            if (response.StatusCode != expected)
            {
                failures.Add($"{where}: expected {(int)expected}, got {(int)response.StatusCode}");
            }

            failures.AddRange(HeaderProblems(response).Select(problem => $"{where}: {problem}"));
            var text = await response.Content.ReadAsStringAsync();
            failures.AddRange(StackTraceMarkers.Where(text.Contains).Select(marker => $"{where}: the body contains '{marker}'"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task UnderHttps_TheAntiforgeryAndSessionCookies_AreSecureHttpOnlyAndSameSite()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        });

        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var antiforgery = SetCookies(page).SingleOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.True(antiforgery is not null, "GET /login set no antiforgery cookie: " + string.Join(" | ", SetCookies(page)));
        AssertFlags(antiforgery, "antiforgery");

        using var signIn = await WebAppFixture.PostLoginAsync(client, WebAppFixture.AdminName, Testing.TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = SetCookies(signIn).SingleOrDefault(c => c.StartsWith("ptrack.session=", StringComparison.Ordinal));
        Assert.True(session is not null, "sign-in set no session cookie: " + string.Join(" | ", SetCookies(signIn)));
        AssertFlags(session, "session");
    }

    [Fact]
    public async Task UnderHttp_TheAntiforgeryCookie_IsNotMarkedSecure_SoPlainLocalUseStillWorks()
    {
        using var client = app.AnonymousClient();
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var antiforgery = SetCookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", Attributes(antiforgery));
        Assert.Contains("httponly", Attributes(antiforgery));
    }

    private static void AssertFlags(string cookie, string name)
    {
        var attributes = Attributes(cookie);
        Assert.True(attributes.Contains("secure"), $"the {name} cookie is not Secure: {cookie}");
        Assert.True(attributes.Contains("httponly"), $"the {name} cookie is not HttpOnly: {cookie}");
        Assert.True(attributes.Any(a => a is "samesite=strict" or "samesite=lax"), $"the {name} cookie has no SameSite=Strict or Lax: {cookie}");
    }

    /// <summary>The attributes of a Set-Cookie value after the name=value pair, lower case, e.g. <c>secure</c>, <c>samesite=lax</c>.</summary>
    private static List<string> Attributes(string cookie) =>
        [.. cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant())];

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    /// <summary>What is wrong with the security headers of <paramref name="response"/>; empty when nothing is.</summary>
    private static List<string> HeaderProblems(HttpResponseMessage response)
    {
        var problems = new List<string>();
        var csp = Header(response, "Content-Security-Policy");
        if (csp is null)
        {
            problems.Add("no Content-Security-Policy");
        }
        else
        {
            var directives = ParsePolicy(csp);
            if (!directives.TryGetValue("default-src", out var defaultSrc) || !IsSelfOrStricter(defaultSrc))
            {
                problems.Add($"default-src is not 'self' or stricter: {csp}");
            }

            // Without script-src the browser falls back to default-src.
            var scriptSrc = directives.GetValueOrDefault("script-src") ?? defaultSrc ?? [];
            if (!IsSelfOrStricter(scriptSrc))
            {
                problems.Add($"script-src is not 'self' or stricter: {csp}");
            }

            if (scriptSrc.Contains("'unsafe-inline'") || scriptSrc.Contains("'unsafe-eval'"))
            {
                problems.Add($"script-src allows inline script or eval: {csp}");
            }

            if (!directives.TryGetValue("frame-ancestors", out var frameAncestors) || frameAncestors is not ["'none'"])
            {
                problems.Add($"frame-ancestors is not 'none': {csp}");
            }
        }

        if (Header(response, "X-Content-Type-Options") != "nosniff")
        {
            problems.Add($"X-Content-Type-Options is '{Header(response, "X-Content-Type-Options")}', not nosniff");
        }

        if (Header(response, "Referrer-Policy") != ExpectedReferrerPolicy)
        {
            problems.Add($"Referrer-Policy is '{Header(response, "Referrer-Policy")}', not {ExpectedReferrerPolicy}");
        }

        // SecurityHeaders.cs sends X-Frame-Options for browsers that do not know frame-ancestors.
        if (Header(response, "X-Frame-Options") != "DENY")
        {
            problems.Add($"X-Frame-Options is '{Header(response, "X-Frame-Options")}', not DENY");
        }

        return problems;
    }

    /// <summary>Only the application itself (or nothing): every source is <c>'self'</c> or <c>'none'</c>.</summary>
    private static bool IsSelfOrStricter(string[] sources) =>
        sources.Length > 0 && sources.All(s => s is "'self'" or "'none'");

    /// <summary>A policy as directive → sources, e.g. <c>script-src</c> → [<c>'self'</c>].</summary>
    private static Dictionary<string, string[]> ParsePolicy(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0].ToLowerInvariant(), parts => parts[1..]);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>A static asset whose address carries its content hash (MapStaticAssets), taken from the app's endpoints.</summary>
    private string FingerprintedAsset()
    {
        var patterns = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/css/", StringComparison.Ordinal) && p.EndsWith(".css", StringComparison.Ordinal) && p != "/css/site.css" && !p.Contains('{'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(patterns.Count > 0, "no fingerprinted stylesheet among the endpoints");
        return patterns[0];
    }
}
