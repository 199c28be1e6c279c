using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Api;

/// <summary>The OpenAPI document validates and describes every API endpoint; the API page works from the app's own files.</summary>
public sealed class OpenApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Document_Loads_WithoutErrorsOrWarnings()
    {
        var (document, diagnostic) = await LoadAsync();

        Assert.Empty(diagnostic.Errors);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal("Partnership Tracker API", document.Info.Title);
    }

    [Fact]
    public async Task Document_EveryApiEndpoint_DescribedWithProblemResponses()
    {
        var (document, _) = await LoadAsync();
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: Normalize(e.RoutePattern.RawText!), Method: m)))
            .ToList();

        Assert.True(endpoints.Count >= 8 * 9 + 3, $"only {endpoints.Count} endpoints");
        foreach (var (path, method) in endpoints)
        {
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{path} is not in the document");
            var operation = item!.Operations![HttpMethod.Parse(method)];
            Assert.False(string.IsNullOrEmpty(operation.Summary), $"{method} {path} has no summary");
            var problems = operation.Responses!.Where(r => r.Value.Content?.ContainsKey("application/problem+json") == true).Select(r => r.Key).ToHashSet();
            // Every endpoint that names a programme or a record can answer 404; these two name neither.
            if (path is not "/api/v1/programmes" and not "/api/v1/search")
            {
                Assert.Contains("404", problems);
            }

            if (method is "PUT" or "PATCH")
            {
                Assert.Superset(new HashSet<string> { "400", "404", "412", "415", "428" }, problems);
                Assert.NotNull(operation.RequestBody);
            }

            if (method is "DELETE" || path.EndsWith("/restore", StringComparison.Ordinal))
            {
                Assert.Superset(new HashSet<string> { "404", "409", "412", "428" }, problems);
            }

            // Review steps (docs/adr/0017-review-workflow-and-audit.md): If-Match like every change, 403 for a role that may not.
            if (path.EndsWith("/submit", StringComparison.Ordinal) || path.EndsWith("/approve", StringComparison.Ordinal) || path.EndsWith("/return", StringComparison.Ordinal))
            {
                Assert.Superset(new HashSet<string> { "403", "404", "409", "412", "428" }, problems);
            }

            if (method is "POST" && !path.EndsWith("/restore", StringComparison.Ordinal) && !path.EndsWith("/submit", StringComparison.Ordinal) && !path.EndsWith("/approve", StringComparison.Ordinal))
            {
                Assert.Superset(new HashSet<string> { "400", "415" }, problems);
                Assert.NotNull(operation.RequestBody);
            }
        }
    }

    [Fact]
    public async Task DocsPage_ServedWithOwnScriptsAndNoInlineScript()
    {
        using var response = await app.Client.GetAsync(new Uri("/api/docs/index.html", UriKind.Relative));
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var src = script.GetAttribute("src");
            Assert.False(string.IsNullOrEmpty(src), "inline script on the API page");
            Assert.DoesNotContain("//", src, StringComparison.Ordinal);
            using var js = await app.Client.GetAsync(new Uri("/api/docs/" + src!.TrimStart('.', '/'), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
            Assert.Contains("javascript", js.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }

        using var index = await app.Client.GetAsync(new Uri("/api/docs/index.js", UriKind.Relative));
        Assert.Contains("/openapi/v1.json", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_FooterLinksTheApiPage()
    {
        var page = await app.GetPageAsync("/");

        var link = page.QuerySelectorAll("footer a").Single(a => a.TextContent == "HTTP API");
        Assert.Equal("/api/docs/", link.GetAttribute("href"));
    }

    private async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> LoadAsync()
    {
        using var response = await app.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var result = await OpenApiDocument.LoadAsync(stream, "json");
        return (result.Document!, result.Diagnostic!);
    }

    /// <summary>"/api/v1/initiatives/{id:int}" → "/api/v1/initiatives/{id}", as OpenAPI writes paths.</summary>
    private static string Normalize(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+):[^}]+\}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
