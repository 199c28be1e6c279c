using System.Net;
using System.Text.Json;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Api;

/// <summary>Lists: {"items", "nextCursor"}, cursor paging over everything without gaps or repeats, filters, weak ETags.</summary>
public sealed class ApiListTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task List_CursorPagesOf3_EveryAchievementOnceInOrder()
    {
        for (var i = 0; i < 11; i++)
        {
            var title = i % 3 == 0 ? "Same title" : $"Paged achievement {i:D2}";
            Assert.Equal(HttpStatusCode.Created, (await app.Client.SendAsync(HttpMethod.Post, "/api/v1/achievements", $$"""{"title":"{{title}}"}""")).Status);
        }

        var all = await app.Client.GetJsonAsync("/api/v1/achievements?limit=200&sort=title");
        var expected = all.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await app.Client.GetJsonAsync($"/api/v1/achievements?limit=3&sort=title{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.All(page.Body.GetProperty("items").EnumerateArray(), item => Assert.True(item.GetProperty("revision").GetInt32() >= 1));
            seen.AddRange(page.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            cursor = page.Body.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Body.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 50);

        Assert.Equal(expected, seen);
        Assert.Equal(expected.Count, all.Body.GetProperty("total").GetInt32());
        Assert.Equal((expected.Count + 2) / 3, pages);
        Assert.True(expected.Count >= 11);
    }

    [Fact]
    public async Task List_StatusAreaAndQ_Filtered()
    {
        var areas = await app.Client.GetJsonAsync("/api/v1/areas?q=cybersecurity");
        var cyberArea = areas.Body.GetProperty("items")[0].GetProperty("id").GetInt32();
        await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", $$"""{"name":"Filter me stalled","status":"Stalled","areaId":{{cyberArea}}}""");
        await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", """{"name":"Filter me ongoing","status":"Ongoing"}""");

        var stalled = await app.Client.GetJsonAsync("/api/v1/initiatives?status=stalled");
        var inArea = await app.Client.GetJsonAsync($"/api/v1/initiatives?area={cyberArea}&q=filter%20me");
        var byText = await app.Client.GetJsonAsync("/api/v1/initiatives?q=FILTER%20ME&sort=name&dir=desc");

        Assert.Equal(["Filter me stalled"], Names(stalled));
        Assert.Equal(["Filter me stalled"], Names(inArea));
        Assert.Equal(["Filter me stalled", "Filter me ongoing"], Names(byText));
    }

    [Fact]
    public async Task List_WeakETag_304WhenUnchangedAndNewWhenARecordChanges()
    {
        var first = await app.Client.GetJsonAsync("/api/v1/challenges");
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/challenges", UriKind.Relative));
        again.Headers.TryAddWithoutValidation("If-None-Match", first.ETag);
        using var notModified = await app.Client.SendAsync(again);
        var id = first.Body.GetProperty("items")[0].GetProperty("id").GetInt32();
        var revision = first.Body.GetProperty("items")[0].GetProperty("revision").GetInt32();
        await app.Client.SendAsync(HttpMethod.Patch, $"/api/v1/challenges/{id}", """{"severity":"Critical"}""", ifMatch: $"\"{revision}\"", contentType: "application/merge-patch+json");
        var changed = await app.Client.GetJsonAsync("/api/v1/challenges");

        Assert.StartsWith("W/\"", first.ETag, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.NotEqual(first.ETag, changed.ETag);
    }

    [Fact]
    public async Task List_EveryResource_ItemsWithIdAndRevision()
    {
        foreach (var resource in new[] { "areas", "achievements", "challenges", "initiatives", "milestones", "recommendations", "indicators", "sources" })
        {
            var list = await app.Client.GetJsonAsync($"/api/v1/{resource}");

            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.True(list.Body.TryGetProperty("nextCursor", out _), resource);
            Assert.All(list.Body.GetProperty("items").EnumerateArray(), item =>
            {
                Assert.True(item.GetProperty("id").GetInt32() > 0);
                Assert.True(item.GetProperty("revision").GetInt32() >= 1);
            });
        }
    }

    private static List<string?> Names(ApiResponse response) =>
        response.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
}
