using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;
using PartnershipTracker.Tests.Web;

namespace PartnershipTracker.Tests.Api;

/// <summary>Every record type through the API: create, read, replace, merge-patch, delete, restore, history, evidence.</summary>
public sealed class ApiRecordsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>Per type: the resource, a body to create, a body to replace, a merge patch, and a field each step changes with its expected value.</summary>
    public static TheoryData<string, string, string, string, string, string, string, string> Types => new()
    {
        { "areas", """{"name":"Border Management","chapter":"security"}""", """{"name":"Border Management","chapter":"Security","description":"Crossings"}""", """{"chapter":"legal"}""", "description", "Crossings", "chapter", "Legal" },
        { "achievements", """{"title":"Joined the cyber range","date":"2025-06"}""", """{"title":"Joined the NATO cyber range","date":"2025-06-12"}""", """{"date":"2025"}""", "title", "Joined the NATO cyber range", "date", "2025" },
        { "challenges", """{"title":"Budget freeze","severity":"high"}""", """{"title":"Budget freeze","severity":"High","status":"Easing","owner":"Council of Ministers"}""", """{"status":"resolved"}""", "owner", "Council of Ministers", "status", "Resolved" },
        { "initiatives", """{"name":"Reserve Force Reform","status":"planned","start":"2024"}""", """{"name":"Reserve Force Reform","status":"Ongoing","start":"2024","leadInstitution":"Ministry of Defence"}""", """{"status":"Stalled"}""", "leadInstitution", "Ministry of Defence", "status", "Stalled" },
        { "milestones", """{"title":"Strategy adopted","status":"Due","date":"2025-12"}""", """{"title":"Strategy adopted","status":"Done","date":"2025-12-04","confidence":"high"}""", """{"status":"Missed"}""", "confidence", "high", "status", "Missed" },
        { "recommendations", """{"strategicAction":"Adopt a cyber strategy","cycle":"2024"}""", """{"strategicAction":"Adopt a cyber strategy","cycle":"2025","status":"Accepted","issuedBy":"NATO"}""", """{"status":"implemented"}""", "cycle", "2025", "status", "Implemented" },
        { "indicators", """{"name":"Cyber incidents handled","unit":"incidents"}""", """{"name":"Cyber incidents handled","unit":"incidents per year","direction":"Neutral"}""", """{"direction":"lowerIsBetter"}""", "unit", "incidents per year", "direction", "LowerIsBetter" },
        { "sources", """{"title":"NATO press release","url":"https://example.org/a"}""", """{"title":"NATO press release","url":"https://example.org/a","kind":"AllianceStatement","reliability":"b","credibility":2}""", """{"credibility":3}""", "kind", "AllianceStatement", "credibility", "3" },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Lifecycle_EveryType_CreateReadReplacePatchDeleteRestoreWithRevisionsAndHistory(
        string resource, string create, string replace, string patch, string putField, string putValue, string patchField, string patchValue)
    {
        var client = app.Client;
        var created = await client.SendAsync(HttpMethod.Post, $"/api/v1/{resource}", create);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/{resource}/{id}", created.Location);
        Assert.Equal("\"1\"", created.ETag);
        Assert.Equal(1, created.Body.GetProperty("revision").GetInt32());

        var read = await client.GetJsonAsync($"/api/v1/{resource}/{id}");
        Assert.Equal((HttpStatusCode.OK, "\"1\""), (read.Status, read.ETag));

        var replaced = await client.SendAsync(HttpMethod.Put, $"/api/v1/{resource}/{id}", replace, ifMatch: "\"1\"");
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (replaced.Status, replaced.ETag));
        Assert.Equal(putValue, Text(replaced.Body.GetProperty(putField)));

        var patched = await client.SendAsync(HttpMethod.Patch, $"/api/v1/{resource}/{id}", patch, ifMatch: "\"2\"", contentType: "application/merge-patch+json");
        Assert.Equal((HttpStatusCode.OK, "\"3\""), (patched.Status, patched.ETag));
        Assert.Equal(patchValue, Text(patched.Body.GetProperty(patchField)));
        Assert.Equal(putValue, Text(patched.Body.GetProperty(putField)));

        var deleted = await client.SendAsync(HttpMethod.Delete, $"/api/v1/{resource}/{id}", ifMatch: "\"3\"");
        Assert.Equal((HttpStatusCode.NoContent, "\"4\""), (deleted.Status, deleted.ETag));
        var gone = await client.GetJsonAsync($"/api/v1/{resource}/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (gone.Status, gone.ContentType));
        var listed = await client.GetJsonAsync($"/api/v1/{resource}?limit=200");
        Assert.DoesNotContain(id, listed.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));

        var restored = await client.SendAsync(HttpMethod.Post, $"/api/v1/{resource}/{id}/restore", ifMatch: "\"4\"");
        Assert.Equal((HttpStatusCode.OK, "\"5\""), (restored.Status, restored.ETag));
        Assert.Equal(patchValue, Text(restored.Body.GetProperty(patchField)));

        var history = await client.GetJsonAsync($"/api/v1/{resource}/{id}/history");
        Assert.Equal(
            ["Restored", "Deleted", "Updated", "Updated", "Created"],
            history.Body.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.All(history.Body.GetProperty("items").EnumerateArray(), h => Assert.Equal(Web.WebAppFixture.AdminName, h.GetProperty("actor").GetString()));
        var evidence = await client.GetJsonAsync($"/api/v1/{resource}/{id}/evidence");
        Assert.Equal((HttpStatusCode.OK, 0), (evidence.Status, evidence.Body.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task Patch_NullClearsField_OtherFieldsKept()
    {
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", """{"name":"Clear me","statusLabel":"Launched 2023","status":"Launched","leadInstitution":"MoD"}""");
        var id = created.Body.GetProperty("id").GetInt32();

        var patched = await app.Client.SendAsync(HttpMethod.Patch, $"/api/v1/initiatives/{id}", """{"leadInstitution":null}""", ifMatch: "\"1\"", contentType: "application/merge-patch+json");

        Assert.Equal(JsonValueKind.Null, patched.Body.GetProperty("leadInstitution").ValueKind);
        Assert.Equal(("Launched 2023", "Launched"), (patched.Body.GetProperty("statusLabel").GetString(), patched.Body.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task History_StatusChange_FieldBeforeAndAfter()
    {
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/initiatives", """{"name":"Watch my status","status":"Ongoing"}""");
        var id = created.Body.GetProperty("id").GetInt32();
        await app.Client.SendAsync(HttpMethod.Patch, $"/api/v1/initiatives/{id}", """{"status":"Stalled"}""", ifMatch: "\"1\"", contentType: "application/merge-patch+json");

        var history = await app.Client.GetJsonAsync($"/api/v1/initiatives/{id}/history");

        var field = history.Body.GetProperty("items")[0].GetProperty("fields")[0];
        Assert.Equal(("status", "Ongoing", "Stalled"), (field.GetProperty("field").GetString(), field.GetProperty("before").GetString(), field.GetProperty("after").GetString()));
    }

    [Fact]
    public async Task Get_ExampleInitiative_EvidenceFromTheArticle()
    {
        var list = await app.Client.GetJsonAsync("/api/v1/initiatives?q=cybersecurity%20initiative");
        var id = list.Body.GetProperty("items")[0].GetProperty("id").GetInt32();

        var evidence = await app.Client.GetJsonAsync($"/api/v1/initiatives/{id}/evidence");

        var first = evidence.Body.GetProperty("items")[0];
        Assert.Contains("Cybersecurity Initiative", first.GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("lineStart").GetInt32() > 0);
    }

    [Fact]
    public async Task Get_IfNoneMatchCurrentETag_NotModified()
    {
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/achievements", """{"title":"Cached"}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/achievements/{created.Body.GetProperty("id").GetInt32()}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Restore_LiveRecord_Conflict409()
    {
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/achievements", """{"title":"Never deleted"}""");

        var restored = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{created.Body.GetProperty("id").GetInt32()}/restore", ifMatch: "\"1\"");

        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (restored.Status, restored.ContentType));
    }

    [Fact]
    public async Task Observations_ExampleIndicator_ListedWithValues()
    {
        var indicators = await app.Client.GetJsonAsync("/api/v1/indicators");
        var withObservations = indicators.Body.GetProperty("items").EnumerateArray().First(i => i.GetProperty("observations").GetInt32() > 0);

        var observations = await app.Client.GetJsonAsync($"/api/v1/indicators/{withObservations.GetProperty("id").GetInt32()}/observations");

        Assert.Equal(withObservations.GetProperty("observations").GetInt32(), observations.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, observations.Body.GetProperty("items")[0].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task AddObservation_ToNewIndicator_ListedWithItsValues()
    {
        var indicator = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/indicators", """{"name":"Reservists trained","unit":"people"}""");
        var id = indicator.Body.GetProperty("id").GetInt32();

        var added = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/indicators/{id}/observations", """{"value":1250.5,"period":"2024","periodText":"2024 entry","note":"annual report"}""");
        var refused = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/indicators/{id}/observations", """{"period":"last year","sourceId":999999}""");
        var listed = await app.Client.GetJsonAsync($"/api/v1/indicators/{id}/observations");

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal((1250.5m, "2024"), (added.Body.GetProperty("value").GetDecimal(), added.Body.GetProperty("period").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["value is required"], refused.Errors("value"));
        Assert.Equal(["period must be a date as yyyy, yyyy-MM or yyyy-MM-dd (not 'last year')"], refused.Errors("period"));
        Assert.Equal(["sourceId: source 999999 does not exist in this programme"], refused.Errors("sourceId"));
        var only = Assert.Single(listed.Body.GetProperty("items").EnumerateArray());
        Assert.Equal("annual report", only.GetProperty("note").GetString());
    }

    [Fact]
    public async Task AddObservation_ByContributor_AuditedWithTheIndicatorsMarkingValuesActorAndAddress()
    {
        var indicator = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/indicators", """{"name":"Audited observations","unit":"people","classification":"NATO RESTRICTED"}""");
        var id = indicator.Body.GetProperty("id").GetInt32();
        await app.CreateUserAsync("obs-contributor", Role.Contributor, Classification.NatoSecret, null, "NATO");
        using var contributor = await app.ApiClientAsync("obs-contributor");

        var added = await contributor.SendAsync(HttpMethod.Post, $"/api/v1/indicators/{id}/observations", """{"value":62,"outOf":63,"period":"2026-11","confidence":"low","note":"contributor figure"}""");

        Assert.Equal(HttpStatusCode.Created, added.Status);
        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Event == "observation.added" && a.RecordType == RecordType.Indicator && a.RecordId == id);
        var created = await db.AuditEntries.SingleAsync(a => a.Event == "record.created" && a.RecordType == RecordType.Indicator && a.RecordId == id);
        Assert.Equal(("obs-contributor", Classification.NatoRestricted, created.RemoteAddress), (entry.Actor, entry.Classification, entry.RemoteAddress));
        using var details = JsonDocument.Parse(entry.Details);
        Assert.Equal(
            (added.Body.GetProperty("id").GetInt32(), id, 62m, 63m, "2026-11", "low", "contributor figure"),
            (details.RootElement.GetProperty("observationId").GetInt32(), details.RootElement.GetProperty("IndicatorId").GetInt32(), details.RootElement.GetProperty("value").GetDecimal(),
                details.RootElement.GetProperty("outOf").GetDecimal(), details.RootElement.GetProperty("period").GetString(), details.RootElement.GetProperty("confidence").GetString(),
                details.RootElement.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Programmes_ListAndGetBySlug()
    {
        var list = await app.Client.GetJsonAsync("/api/v1/programmes");
        var one = await app.Client.GetJsonAsync("/api/v1/programmes/nato-bih");
        var none = await app.Client.GetJsonAsync("/api/v1/programmes/nato-xyz");

        Assert.Equal(["nato-bih"], list.Body.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        Assert.Equal(("BIH", true), (one.Body.GetProperty("partnerIso3").GetString(), one.ETag is not null));
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
