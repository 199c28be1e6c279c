using System.Net;

namespace PartnershipTracker.Tests.Web;

/// <summary>The site only reads so far: other methods get 405 and the error page, never a 400 or a blank page.</summary>
public sealed class MethodTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("DELETE", "/")]
    [InlineData("PUT", "/health")]
    [InlineData("POST", "/")]
    [InlineData("POST", "/initiatives/1")]
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

    [Fact]
    public async Task Head_Dashboard_Returns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative));
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
