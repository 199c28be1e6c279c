using System.Net;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Api;

/// <summary>Two editors never silently overwrite each other: If-Match is required (428) and must be current (412).</summary>
public sealed class ApiConcurrencyTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("PUT", "")]
    [InlineData("PATCH", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/restore")]
    public async Task Change_WithoutIfMatch_428NamingTheHeaderAndNothingChanged(string method, string suffix)
    {
        var id = await CreateAsync("Needs a precondition");
        var contentType = method == "PATCH" ? "application/merge-patch+json" : "application/json";

        var response = await app.Client.SendAsync(new HttpMethod(method), $"/api/v1/initiatives/{id}{suffix}", method is "PUT" or "PATCH" ? """{"name":"Changed"}""" : null, contentType: contentType);

        Assert.Equal((HttpStatusCode.PreconditionRequired, "application/problem+json"), (response.Status, response.ContentType));
        Assert.Equal("If-Match", response.Body.GetProperty("header").GetString());
        var stored = await app.Client.GetJsonAsync($"/api/v1/initiatives/{id}");
        Assert.Equal(("Needs a precondition", "\"1\""), (stored.Body.GetProperty("name").GetString(), stored.ETag));
    }

    [Fact]
    public async Task Put_TwoClientsFromSameRevision_FirstWinsSecondGets412WithCurrentETag()
    {
        var id = await CreateAsync("Contested");
        var first = await app.Client.GetJsonAsync($"/api/v1/initiatives/{id}");
        using var secondClient = await app.ApiClientAsync(WebAppFixture.AdminName);
        var second = await secondClient.GetJsonAsync($"/api/v1/initiatives/{id}");

        var firstPut = await app.Client.SendAsync(HttpMethod.Put, $"/api/v1/initiatives/{id}", """{"name":"Contested","status":"Stalled"}""", ifMatch: first.ETag);
        var secondPut = await secondClient.SendAsync(HttpMethod.Put, $"/api/v1/initiatives/{id}", """{"name":"Contested","status":"Completed"}""", ifMatch: second.ETag);

        Assert.Equal((HttpStatusCode.OK, "\"2\""), (firstPut.Status, firstPut.ETag));
        Assert.Equal((HttpStatusCode.PreconditionFailed, "application/problem+json", "\"2\""), (secondPut.Status, secondPut.ContentType, secondPut.ETag));
        Assert.Equal("If-Match", secondPut.Body.GetProperty("header").GetString());
        Assert.Equal($"initiative {id} is at revision 2, not 1: someone changed it since; GET it again (ETag \"2\") and retry.", secondPut.Body.GetProperty("detail").GetString());
        var stored = await app.Client.GetJsonAsync($"/api/v1/initiatives/{id}");
        Assert.Equal(("Stalled", "\"2\""), (stored.Body.GetProperty("status").GetString(), stored.ETag));
    }

    [Fact]
    public async Task PatchAndDelete_StaleIfMatch_412AndNothingChanged()
    {
        var id = await CreateAsync("Moved on");
        await app.Client.SendAsync(HttpMethod.Patch, $"/api/v1/initiatives/{id}", """{"status":"Ongoing"}""", ifMatch: "\"1\"", contentType: "application/merge-patch+json");

        var patch = await app.Client.SendAsync(HttpMethod.Patch, $"/api/v1/initiatives/{id}", """{"status":"Cancelled"}""", ifMatch: "\"1\"", contentType: "application/merge-patch+json");
        var delete = await app.Client.SendAsync(HttpMethod.Delete, $"/api/v1/initiatives/{id}", ifMatch: "\"1\"");

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed), (patch.Status, delete.Status));
        var stored = await app.Client.GetJsonAsync($"/api/v1/initiatives/{id}");
        Assert.Equal(("Ongoing", "\"2\""), (stored.Body.GetProperty("status").GetString(), stored.ETag));
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    [InlineData("1")]
    [InlineData("\"one\"")]
    public async Task Put_IfMatchNotARevision_400NamingTheHeader(string ifMatch)
    {
        var id = await CreateAsync("Odd precondition");

        var response = await app.Client.SendAsync(HttpMethod.Put, $"/api/v1/initiatives/{id}", """{"name":"Changed"}""", ifMatch: ifMatch);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Single(response.Errors("If-Match"));
    }

    private async Task<int> CreateAsync(string name)
    {
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", $$"""{"name":"{{name}}"}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Body.GetProperty("id").GetInt32();
    }
}
