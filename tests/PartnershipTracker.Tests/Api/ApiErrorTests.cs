using System.Net;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Api;

/// <summary>A user's mistake gets a problem-details answer naming what is wrong, never a 500 or the HTML error page.</summary>
public sealed class ApiErrorTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("not json at all", null)]
    [InlineData("{\"name\": ", null)]
    [InlineData("[{\"name\":\"x\"}]", null)]
    [InlineData("\"a string\"", null)]
    [InlineData("null", null)]
    [InlineData("42", null)]
    [InlineData("{\"name\": 12}", "name")]
    [InlineData("{\"name\": \"x\", \"areaId\": \"3\"}", "areaId")]
    [InlineData("{\"name\": \"x\", \"areaId\": 99999999999999999999999}", "areaId")]
    [InlineData("{\"name\": \"x\", \"areaId\": 1.5}", "areaId")]
    [InlineData("{\"name\": [\"x\"]}", "name")]
    [InlineData("{\"name\": {\"first\": \"x\"}}", "name")]
    [InlineData("{\"name\": \"x\", \"status\": 3}", "status")]
    [InlineData("{\"name\": \"x\", \"start\": true}", "start")]
    [InlineData("{\"name\": \"\\ud800\"}", null)]
    public async Task Post_MalformedBody_400ProblemNamingFieldWhereThereIsOne(string body, string? field)
    {
        var response = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", body);

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.Status, response.ContentType));
        if (field is not null)
        {
            Assert.Single(response.Errors(field));
        }
    }

    [Fact]
    public async Task Post_TruncatedJson_DetailGivesPosition()
    {
        var response = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", "{\"name\": \"x\",\n \"status\" ");

        Assert.Equal("The body is not valid JSON (line 2, byte 11).", response.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_InvalidValues_400WithEveryFieldMessage()
    {
        var response = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", """{"name":"","status":"Paused","start":"2024-13","areaId":424242}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["name is required"], response.Errors("name"));
        Assert.Equal(["status must be one of Planned, Launched, Ongoing, Completed, Stalled, Cancelled (not 'Paused')"], response.Errors("status"));
        Assert.Equal(["start must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not '2024-13')"], response.Errors("start"));
        Assert.Equal(["areaId: area 424242 does not exist in this programme"], response.Errors("areaId"));
    }

    [Fact]
    public async Task Post_UnknownFields_Ignored()
    {
        var response = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/achievements", """{"title":"Extra fields","id":999999,"revision":42,"colour":"blue"}""");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.NotEqual(999999, response.Body.GetProperty("id").GetInt32());
        Assert.Equal(1, response.Body.GetProperty("revision").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_WrongContentType_415Problem(string contentType)
    {
        var response = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", """{"name":"x"}""", contentType: contentType);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/problem+json"), (response.Status, response.ContentType));
    }

    [Fact]
    public async Task Post_HugeBody_413Problem()
    {
        var response = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", "{\"name\":\"" + new string('x', 2 << 20) + "\"}");

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), (response.Status, response.ContentType));
    }

    [Theory]
    [InlineData("/api/v1/initiatives/999999")]
    [InlineData("/api/v1/areas/999999/history")]
    [InlineData("/api/v1/challenges/999999/evidence")]
    [InlineData("/api/v1/indicators/999999/observations")]
    [InlineData("/api/v1/initiatives/abc")]
    [InlineData("/api/v1/initiatives/99999999999999999999")]
    [InlineData("/api/v1/assessments")]
    [InlineData("/api/v2/initiatives")]
    [InlineData("/api/nothing/here")]
    public async Task Get_UnknownIdOrAddress_404Problem(string path)
    {
        var response = await app.Client.GetJsonAsync(path);

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (response.Status, response.ContentType));
        Assert.Equal(404, response.Body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("PUT", "/api/v1/initiatives")]
    [InlineData("DELETE", "/api/v1/initiatives")]
    [InlineData("POST", "/api/v1/initiatives/1/history")]
    [InlineData("PATCH", "/api/v1/programmes")]
    public async Task WrongMethod_405ProblemWithAllow(string method, string path)
    {
        var response = await app.Client.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : "{}");

        Assert.Equal((HttpStatusCode.MethodNotAllowed, "application/problem+json"), (response.Status, response.ContentType));
    }

    [Theory]
    [InlineData("/api/v1/initiatives?limit=0", "limit")]
    [InlineData("/api/v1/initiatives?limit=abc", "limit")]
    [InlineData("/api/v1/initiatives?limit=99999999999999", "limit")]
    [InlineData("/api/v1/initiatives?area=x", "area")]
    [InlineData("/api/v1/initiatives?sort=colour", "sort")]
    [InlineData("/api/v1/initiatives?dir=sideways", "dir")]
    [InlineData("/api/v1/initiatives?status=asleep", "status")]
    [InlineData("/api/v1/initiatives?severity=high", "severity")]
    [InlineData("/api/v1/initiatives?cursor=garbage", "cursor")]
    [InlineData("/api/v1/sources?kind=blog", "kind")]
    public async Task List_BadQuery_400NamingTheParameter(string path, string field)
    {
        var response = await app.Client.GetJsonAsync(path);

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.Status, response.ContentType));
        Assert.NotEmpty(response.Errors(field));
    }

    [Fact]
    public async Task List_UnknownProgramme_404Problem()
    {
        var response = await app.Client.GetJsonAsync("/api/v1/initiatives?programme=nato-xyz");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Contains("nato-xyz", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
