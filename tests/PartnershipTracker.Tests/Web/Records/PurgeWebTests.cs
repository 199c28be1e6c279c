using System.Net;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;
using PartnershipTracker.Tests.Api;

namespace PartnershipTracker.Tests.Web.Records;

/// <summary>Purge (hard delete) through the API and the pages of the real application: admins only, deleted records only, audited.</summary>
public sealed class PurgeWebTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Api_PurgeDeletedAchievement_204GoneWithEvidenceAndHistoryAndAudited()
    {
        var id = await DeletedAchievementAsync("API purge achievement", withEvidence: true);

        var noIfMatch = await app.Client.SendAsync(HttpMethod.Delete, $"/api/v1/achievements/{id}/purge");
        var stale = await app.Client.SendAsync(HttpMethod.Delete, $"/api/v1/achievements/{id}/purge", ifMatch: "\"1\"");
        var purged = await app.Client.SendAsync(HttpMethod.Delete, $"/api/v1/achievements/{id}/purge", ifMatch: "\"2\"");
        var again = await app.Client.SendAsync(HttpMethod.Delete, $"/api/v1/achievements/{id}/purge", ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(HttpStatusCode.NoContent, purged.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Achievements.IgnoreQueryFilters().AnyAsync(a => a.Id == id));
        Assert.Equal(0, await db.Evidence.IgnoreQueryFilters().CountAsync(e => e.RecordType == RecordType.Achievement && e.RecordId == id));
        Assert.Equal(0, await db.ChangeRecords.IgnoreQueryFilters().CountAsync(c => c.RecordType == RecordType.Achievement && c.RecordId == id));
        var audit = await db.AuditEntries.SingleAsync(a => a.Event == "record.purged" && a.RecordId == id);
        Assert.Equal((WebAppFixture.AdminName, RecordType.Achievement), (audit.Actor, audit.RecordType));
        Assert.Contains("\"API purge achievement\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_PurgeLiveRecord_409DeleteItFirst()
    {
        var id = await AchievementAsync("Live achievement");

        var purged = await app.Client.SendAsync(HttpMethod.Delete, $"/api/v1/achievements/{id}/purge", ifMatch: "\"1\"");

        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (purged.Status, purged.ContentType));
        Assert.Equal($"achievement {id} is not deleted: delete it first; only a deleted record can be purged", purged.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_PurgeAreaWithRecords_409NamingTheCount()
    {
        int areaId;
        await using (var db = app.Database.CreateContext())
        {
            var programmeId = await ProgrammeIdAsync();
            var area = new Area { ProgrammeId = programmeId, Name = "Area with three records" };
            db.Areas.Add(area);
            await db.SaveChangesAsync();
            areaId = area.Id;
            db.Achievements.AddRange(
                new Achievement { ProgrammeId = programmeId, AreaId = areaId, Title = "One" },
                new Achievement { ProgrammeId = programmeId, AreaId = areaId, Title = "Two", DeletedAt = DateTimeOffset.UnixEpoch });
            db.Challenges.Add(new Challenge { ProgrammeId = programmeId, AreaId = areaId, Title = "Three", DeletedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
            await db.Areas.Where(a => a.Id == areaId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, DateTimeOffset.UnixEpoch));
        }

        var purged = await app.Client.SendAsync(HttpMethod.Delete, $"/api/v1/areas/{areaId}/purge", ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, purged.Status);
        Assert.Equal($"area {areaId} cannot be purged: 3 records (achievements, challenges, initiatives, recommendations or indicators) still belong to it (live or deleted); purge or change them first",
            purged.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_PurgeAsReviewer_403AndNothingChanges()
    {
        var id = await DeletedAchievementAsync("Reviewer cannot purge", withEvidence: false);
        await app.CreateUserAsync("purge-reviewer", Role.Reviewer, Classification.NatoSecret, null, "NATO");
        using var reviewer = await app.ApiClientAsync("purge-reviewer");

        var purged = await reviewer.SendAsync(HttpMethod.Delete, $"/api/v1/achievements/{id}/purge", ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.Forbidden, purged.Status);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.Achievements.IgnoreQueryFilters().AnyAsync(a => a.Id == id));
    }

    [Fact]
    public async Task Api_PurgeRecordHiddenFromTheAdmin_404AsForAMissingId()
    {
        var id = await DeletedAchievementAsync("Secret spill", withEvidence: false, Classification.NatoSecret);
        await app.CreateUserAsync("purge-admin-nc", Role.Admin, Classification.NatoConfidential, null, "NATO");
        using var admin = await app.ApiClientAsync("purge-admin-nc");

        var hidden = await admin.SendAsync(HttpMethod.Delete, $"/api/v1/achievements/{id}/purge", ifMatch: "\"2\"");
        var missing = await admin.SendAsync(HttpMethod.Delete, "/api/v1/achievements/999999/purge", ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(missing.Body.GetProperty("detail").GetString()!.Replace("999999", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            hidden.Body.GetProperty("detail").GetString());
        Assert.DoesNotContain("Secret spill", hidden.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_DeletedListOffersPurgeToAdmins_ConfirmThenNotice()
    {
        var id = await DeletedAchievementAsync("Page purge achievement", withEvidence: false);
        var deleted = await app.GetPageAsync("/deleted?type=achievement");
        Assert.Contains(deleted.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/achievements/{id}/purge" && a.TextContent == "Delete for good");
        var confirm = await app.GetPageAsync($"/achievements/{id}/purge");
        Assert.Equal("Delete achievement “Page purge achievement” for good?", confirm.QuerySelector("h1")!.TextContent);

        using var posted = await app.PostFormAsync($"/achievements/{id}/purge", $"/achievements/{id}/purge", ("revision", "2"));
        Assert.Equal((HttpStatusCode.Redirect, "/deleted"), (posted.StatusCode, posted.Headers.Location?.OriginalString));
        var after = await app.GetPageAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal($"Achievement {id} was deleted for good, with its evidence and history.", after.QuerySelector(".notice")!.TextContent);
        Assert.DoesNotContain(after.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/achievements/{id}/purge");
        var reloaded = await app.GetPageAsync("/deleted");
        Assert.Null(reloaded.QuerySelector(".notice"));
    }

    [Fact]
    public async Task Pages_DeletedNoticeFromQueryString_NotShown()
    {
        var live = await AchievementAsync("Notice spoof achievement");

        var spoofed = await app.GetPageAsync($"/deleted?purged={live}&purgedType=achievement");

        Assert.Null(spoofed.QuerySelector(".notice"));
        Assert.DoesNotContain("deleted for good", spoofed.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_PurgeLiveRecord_409AndContributorSeesNoPurgeLink()
    {
        var live = await AchievementAsync("Live page achievement");
        var deletedId = await DeletedAchievementAsync("Contributor view achievement", withEvidence: false);
        await app.CreateUserAsync("purge-contributor", Role.Contributor, Classification.NatoSecret, null, "NATO");
        using var contributor = await app.SignedInClientAsync("purge-contributor");

        using var livePage = await app.Client.GetAsync(new Uri($"/achievements/{live}/purge", UriKind.Relative));
        using var contributorList = await contributor.GetAsync(new Uri("/deleted?type=achievement", UriKind.Relative));
        using var contributorPurge = await contributor.GetAsync(new Uri($"/achievements/{deletedId}/purge", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, livePage.StatusCode);
        Assert.Contains("delete it first", await livePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listText = await contributorList.Content.ReadAsStringAsync();
        Assert.Contains("Contributor view achievement", listText, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete for good", listText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, contributorPurge.StatusCode);
    }

    private async Task<int> ProgrammeIdAsync()
    {
        using (await app.Client.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            // The first request creates the database and loads the example programme.
        }

        await using var db = app.Database.CreateContext();
        return await db.Programmes.Select(p => p.Id).FirstAsync();
    }

    private async Task<int> AchievementAsync(string title, Classification classification = Classification.NatoUnclassified)
    {
        var programmeId = await ProgrammeIdAsync();
        await using var db = app.Database.CreateContext();
        var achievement = new Achievement { ProgrammeId = programmeId, Title = title, Classification = classification };
        db.Achievements.Add(achievement);
        await db.SaveChangesAsync();
        return achievement.Id;
    }

    /// <summary>An achievement deleted softly (revision 2), with one evidence row when asked.</summary>
    private async Task<int> DeletedAchievementAsync(string title, bool withEvidence, Classification classification = Classification.NatoUnclassified)
    {
        var id = await AchievementAsync(title, classification);
        await using var db = app.Database.CreateContext();
        if (withEvidence)
        {
            db.Evidence.Add(new Evidence { RecordType = RecordType.Achievement, RecordId = id, SourceId = await db.Sources.Select(s => s.Id).FirstAsync(), Quote = title });
        }

        var achievement = await db.Achievements.SingleAsync(a => a.Id == id);
        achievement.DeletedAt = DateTimeOffset.UnixEpoch;
        await db.SaveChangesAsync();
        return id;
    }
}
