using System.Net;

namespace PartnershipTracker.Tests.Web;

/// <summary>Methods a page or endpoint does not take get 405 and the error page, never a blank page or the page rendered as for a GET.</summary>
public sealed class MethodTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("DELETE", "/")]
    [InlineData("PUT", "/health")]
    [InlineData("PATCH", "/report")]
    public async Task NonReadingMethod_Returns405WithAllowAndTheErrorPage(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await app.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Contains("<h1>Not allowed</h1>", html, StringComparison.Ordinal);
        Assert.Contains("This address does not accept that kind of request.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/initiatives/1")]
    public async Task Post_WithTokenToAPageWithoutAPostHandler_Returns405(string path)
    {
        using var response = await app.PostFormAsync(path, "/ingest");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Contains("<h1>Not allowed</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndTheErrorPage()
    {
        using var response = await app.Client.PostAsync(new Uri("/initiatives/1", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_Dashboard_Returns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
