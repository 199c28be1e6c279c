using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;
using PartnershipTracker.Tests.Api;

namespace PartnershipTracker.Tests.Web.Admin;

/// <summary>
/// <c>/admin/audit</c> read by an admin cleared below a linked record: the details of a record entry do not show the
/// id of an area the admin may not see (as in the record's history), while the stored entry keeps it.
/// </summary>
public sealed class AuditPageHiddenLinkTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task AuditPage_PublicAdmin_SecretAreaIdOfAPublicAchievementNotShown_StoredEntryUnchanged()
    {
        var area = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/areas", """{"name":"Audit hidden area","classification":"NATO SECRET","programme":"nato-bih"}""");
        var areaId = area.Body.GetProperty("id").GetInt32();
        var achievement = await app.Client.SendAsync(HttpMethod.Post, "/api/v1/achievements",
            $$"""{"title":"Audit visible achievement","areaId":{{areaId}},"classification":"PUBLIC","programme":"nato-bih"}""");
        Assert.Equal(HttpStatusCode.Created, achievement.Status);
        var achievementId = achievement.Body.GetProperty("id").GetInt32();
        await app.CreateUserAsync("audit-public-admin", Role.Admin, Classification.Public, null, null);
        using var publicAdmin = await app.SignedInClientAsync("audit-public-admin");

        using var response = await publicAdmin.GetAsync(new Uri("/admin/audit?event=record.created", UriKind.Relative));
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var secretAdminPage = await app.GetPageAsync("/admin/audit?event=record.created");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("—", "—"), AreaIdOf(page, achievementId));
        Assert.DoesNotContain(page.QuerySelectorAll("tbody tr"), r => r.QuerySelector("td a")?.GetAttribute("href") == $"/areas/{areaId}");
        Assert.Equal(("—", areaId.ToString(System.Globalization.CultureInfo.InvariantCulture)), AreaIdOf(secretAdminPage, achievementId));
        await using var db = app.Database.CreateContext();
        var stored = await db.AuditEntries.SingleAsync(a => a.Event == "record.created" && a.RecordType == RecordType.Achievement && a.RecordId == achievementId);
        Assert.Contains($"\"after\":{areaId}", stored.Details.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static (string Before, string After) AreaIdOf(AngleSharp.Html.Dom.IHtmlDocument page, int achievementId)
    {
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td a")?.GetAttribute("href") == $"/achievements/{achievementId}");
        var field = row.QuerySelectorAll(".audit-fields li").Single(li => li.QuerySelector(".field")!.TextContent == "AreaId");
        return (field.QuerySelector(".before")!.TextContent, field.QuerySelector(".after")!.TextContent);
    }
}
