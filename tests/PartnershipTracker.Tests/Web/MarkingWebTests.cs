using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;
using PartnershipTracker.Tests.Api;

namespace PartnershipTracker.Tests.Web;

/// <summary>
/// The real app read by a NATO RESTRICTED reader of France (no organisation): a contributor signed in through /login
/// (its cookie serves the pages, its bearer token the API). Records above the reader's sight are written straight to
/// the database. The example programme is PUBLIC.
/// </summary>
public sealed class RestrictedWebAppFixture : IAsyncLifetime
{
    /// <summary>The signed-in reader: a contributor cleared to NATO RESTRICTED, nationality FRA.</summary>
    public const string ReaderName = "restricted-fra";

    private readonly WebAppFixture _app = new();

    public TempSqliteDatabase Database => _app.Database;

    public HttpClient Client { get; private set; } = null!;

    public int SecretInitiative { get; private set; }

    public int RestrictedInitiative { get; private set; }

    public int BihOnlyAchievement { get; private set; }

    public int CyberInitiative { get; private set; }

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await _app.CreateUserAsync(ReaderName, Role.Contributor, Classification.NatoRestricted, "FRA", null);
        Client = await _app.SignedInClientAsync(ReaderName);
        await using (var tokens = Database.CreateContext())
        {
            Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TestUsers.CreateTokenAsync(tokens, ReaderName));
        }

        await using var db = Database.CreateContext();
        var programme = await db.Programmes.SingleAsync();
        var secret = new Initiative { ProgrammeId = programme.Id, Name = "Quetzal hidden initiative", Status = InitiativeStatus.Stalled, Classification = Classification.NatoSecret };
        var restricted = new Initiative { ProgrammeId = programme.Id, Name = "Restricted stalled initiative", Status = InitiativeStatus.Stalled, Classification = Classification.NatoRestricted };
        var bihOnly = new Achievement { ProgrammeId = programme.Id, Title = "Quetzal for BIH eyes", Classification = Classification.NatoUnclassified, ReleasableTo = ",BIH," };
        db.AddRange(secret, restricted, bihOnly);
        await db.SaveChangesAsync();
        (SecretInitiative, RestrictedInitiative, BihOnlyAchievement) = (secret.Id, restricted.Id, bihOnly.Id);
        CyberInitiative = (await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative")).Id;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>Markings through the API, pages, charts and search of the real app, read by a NATO RESTRICTED reader of France.</summary>
public sealed class MarkingWebTests(RestrictedWebAppFixture app) : IClassFixture<RestrictedWebAppFixture>
{
    [Fact]
    public async Task GetHiddenRecord_Api404ExactlyAsAMissingId()
    {
        var hidden = await app.Client.GetJsonAsync($"/api/v1/initiatives/{app.SecretInitiative}");
        var missing = await app.Client.GetJsonAsync("/api/v1/initiatives/987654");
        var notReleasable = await app.Client.GetJsonAsync($"/api/v1/achievements/{app.BihOnlyAchievement}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(HttpStatusCode.NotFound, notReleasable.Status);
        Assert.Equal(missing.Body.GetProperty("title").GetString(), hidden.Body.GetProperty("title").GetString());
        Assert.Equal(
            missing.Body.GetProperty("detail").GetString()!.Replace("987654", "ID", StringComparison.Ordinal),
            hidden.Body.GetProperty("detail").GetString()!.Replace(app.SecretInitiative.ToString(System.Globalization.CultureInfo.InvariantCulture), "ID", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetJsonAsync($"/api/v1/initiatives/{app.SecretInitiative}/history")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetJsonAsync($"/api/v1/initiatives/{app.SecretInitiative}/evidence")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(new Uri($"/initiatives/{app.SecretInitiative}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ListApi_ShowsMarkingAndLeavesOutHiddenRecords()
    {
        var list = await app.Client.GetJsonAsync("/api/v1/initiatives?limit=200");

        var items = list.Body.GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(items, i => i.GetProperty("id").GetInt32() == app.SecretInitiative);
        Assert.Equal(items.Count, list.Body.GetProperty("total").GetInt32());
        var restricted = items.Single(i => i.GetProperty("id").GetInt32() == app.RestrictedInitiative);
        Assert.Equal("NATO RESTRICTED", restricted.GetProperty("classification").GetString());
        Assert.Equal(JsonValueKind.Array, restricted.GetProperty("releasableTo").ValueKind);
        var cyber = items.Single(i => i.GetProperty("id").GetInt32() == app.CyberInitiative);
        Assert.Equal("PUBLIC", cyber.GetProperty("classification").GetString());
    }

    [Fact]
    public async Task CreateAndPatch_MarkingReadAndWrittenAsLabelAndList()
    {
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/achievements", """{"title":"Marked by the API","classification":"NATO RESTRICTED","releasableTo":["nato","FRA"]}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("NATO RESTRICTED", created.Body.GetProperty("classification").GetString());
        Assert.Equal(["FRA", "NATO"], created.Body.GetProperty("releasableTo").EnumerateArray().Select(e => e.GetString()));
        var id = created.Body.GetProperty("id").GetInt32();

        var patched = await app.Client.SendAsync(HttpMethod.Patch, $"/api/v1/achievements/{id}", """{"date":"2025"}""", ifMatch: "\"1\"", contentType: "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal(("NATO RESTRICTED", "2025"), (patched.Body.GetProperty("classification").GetString(), patched.Body.GetProperty("date").GetString()));
        Assert.Equal(["FRA", "NATO"], patched.Body.GetProperty("releasableTo").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Create_AboveClearanceOrUnknownLevel_400WithFieldMessages()
    {
        var above = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/challenges", """{"title":"Too secret","classification":"NATO SECRET"}""");
        var unknown = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/challenges", """{"title":"Odd","classification":"COSMIC TOP SECRET","releasableTo":["FR!A"]}""");
        var excluded = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/challenges", """{"title":"Not for me","releasableTo":["BIH"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, above.Status);
        Assert.Equal(["classification: above your clearance"], above.Errors("classification"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.StartsWith("classification must be one of PUBLIC, NATO UNCLASSIFIED", Assert.Single(unknown.Errors("classification")), StringComparison.Ordinal);
        Assert.StartsWith("releasableTo: 'FR!A' is not", Assert.Single(unknown.Errors("releasableTo")), StringComparison.Ordinal);
        Assert.Single(excluded.Errors("releasableTo"));
    }

    [Fact]
    public async Task Label_VisibleRecordIsStanag4774Xml_HiddenIs404()
    {
        using var response = await app.Client.GetAsync(new Uri($"/api/v1/initiatives/{app.RestrictedInitiative}/label", UriKind.Relative));
        var hidden = await app.Client.GetJsonAsync($"/api/v1/initiatives/{app.SecretInitiative}/label");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var label = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace slab = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
        Assert.Equal(slab + "originatorConfidentialityLabel", label.Root!.Name);
        Assert.Equal("NATO RESTRICTED", label.Root.Element(slab + "ConfidentialityInformation")!.Element(slab + "Classification")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
    }

    [Fact]
    public async Task InitiativesChart_CountsOnlyVisibleInitiatives()
    {
        using var response = await app.Client.GetAsync(new Uri("/charts/initiatives-by-status.svg?programme=nato-bih", UriKind.Relative));
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();

        // planned, launched, ongoing, completed, stalled (the restricted one only, not the secret one), cancelled.
        Assert.Equal(["0", "1", "1", "0", "1", "0"], texts.TakeWhile(t => t != "Initiatives"));
    }

    [Fact]
    public async Task SearchPageAndApi_NoHitForHiddenRecords()
    {
        var page = await app.Client.GetStringAsync(new Uri("/search?q=Quetzal", UriKind.Relative));
        var api = await app.Client.GetJsonAsync("/api/v1/search?q=Quetzal");

        Assert.DoesNotContain($"/initiatives/{app.SecretInitiative}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/achievements/{app.BihOnlyAchievement}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden initiative", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.Status);
        Assert.Equal(0, api.Body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task DetailPage_ShowsMarkingBannerAndLabelLink_ListShowsMarkingColumn()
    {
        var detail = await app.Client.GetStringAsync(new Uri($"/initiatives/{app.RestrictedInitiative}", UriKind.Relative));
        var list = await app.Client.GetStringAsync(new Uri("/initiatives", UriKind.Relative));

        Assert.Contains("<strong>NATO RESTRICTED</strong>", detail, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/initiatives/{app.RestrictedInitiative}/label\"", detail, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Marking</th>", list, StringComparison.Ordinal);
        Assert.Contains("<span class=\"marking-badge\">PUBLIC</span>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Quetzal", list, StringComparison.Ordinal);
    }
}
