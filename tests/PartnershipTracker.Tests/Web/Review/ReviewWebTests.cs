using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Domain;
using PartnershipTracker.Tests.Api;

namespace PartnershipTracker.Tests.Web.Review;

/// <summary>The review workflow and the audit log through the API and the pages of the real application.</summary>
public sealed class ReviewWebTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Api_SubmitReturnApprove_StatusCodesAndReviewFieldsInJson()
    {
        var id = await DraftAchievementAsync("API draft achievement");

        var shown = await app.Client.GetJsonAsync($"/api/v1/achievements/{id}");
        var noIfMatch = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/submit");
        var submitted = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/submit", ifMatch: "\"1\"");
        using var contributor = await ClientAsAsync(Role.Contributor);
        var approvedByContributor = await contributor.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/approve", ifMatch: "\"2\"");
        var returnedWithoutComment = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/return", "{}", ifMatch: "\"2\"");
        var returned = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/return", """{"comment":"Cite the order."}""", ifMatch: "\"2\"");
        var approveReturned = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/approve", ifMatch: "\"3\"");
        var stale = await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/submit", ifMatch: "\"1\"");

        Assert.Equal(("Draft", System.Text.Json.JsonValueKind.Null), (shown.Body.GetProperty("reviewState").GetString(), shown.Body.GetProperty("reviewComment").ValueKind));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.Status);
        Assert.Equal((HttpStatusCode.OK, "\"2\"", "Submitted"), (submitted.Status, submitted.ETag, submitted.Body.GetProperty("reviewState").GetString()));
        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json"), (approvedByContributor.Status, approvedByContributor.ContentType));
        Assert.Equal("Your role does not allow this request.", approvedByContributor.Body.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, returnedWithoutComment.Status);
        Assert.True(returnedWithoutComment.Body.GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Equal((HttpStatusCode.OK, "Returned", "Cite the order."), (returned.Status, returned.Body.GetProperty("reviewState").GetString(), returned.Body.GetProperty("reviewComment").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, approveReturned.Status);
        Assert.Equal($"achievement {id} is returned, not submitted: it cannot be approved", approveReturned.Body.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
    }

    [Fact]
    public async Task Api_ListFilterReviewState_OnlyThatStateAndBadValue400()
    {
        var id = await DraftAchievementAsync("Listed draft achievement");

        var drafts = await app.Client.GetJsonAsync("/api/v1/achievements?reviewState=draft&limit=200");
        var approved = await app.Client.GetJsonAsync("/api/v1/achievements?reviewState=Approved&limit=200");
        var bad = await app.Client.GetJsonAsync("/api/v1/achievements?reviewState=pending");

        Assert.Contains(id, drafts.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.All(drafts.Body.GetProperty("items").EnumerateArray(), i => Assert.Equal("Draft", i.GetProperty("reviewState").GetString()));
        Assert.DoesNotContain(id, approved.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("reviewState must be draft, submitted, approved or returned (not 'pending')", bad.Body.GetProperty("errors").GetProperty("reviewState")[0].GetString());
    }

    [Fact]
    public async Task Pages_DetailShowsStateAndButtons_ReviewListsSubmitted_ApproveByForm()
    {
        var id = await DraftAchievementAsync("Page draft achievement");
        var draftPage = await app.GetPageAsync($"/achievements/{id}");
        Assert.Equal("Review: draft", draftPage.QuerySelector(".record-actions .badge")!.TextContent.Trim());
        Assert.Equal(["Submit for review"], draftPage.QuerySelectorAll(".review-actions button").Select(b => b.TextContent.Trim()));

        using (var submitted = await app.PostFormAsync($"/achievements/{id}/review", $"/achievements/{id}", ("step", "submit"), ("revision", "1")))
        {
            Assert.Equal((HttpStatusCode.Redirect, $"/achievements/{id}?reviewed=submit"), (submitted.StatusCode, submitted.Headers.Location?.OriginalString));
        }

        var review = await app.GetPageAsync("/review");
        Assert.Contains(review.QuerySelectorAll("tbody th a"), a => a.TextContent == "Page draft achievement" && a.GetAttribute("href") == $"/achievements/{id}");
        var submittedPage = await app.GetPageAsync($"/achievements/{id}");
        Assert.Equal(["Approve", "Return"], submittedPage.QuerySelectorAll(".review-actions button").Select(b => b.TextContent.Trim()));

        using (var noComment = await app.PostFormAsync($"/achievements/{id}/review", $"/achievements/{id}", ("step", "return"), ("revision", "2"), ("comment", "")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        }

        using (var approved = await app.PostFormAsync($"/achievements/{id}/review", $"/achievements/{id}", ("step", "approve"), ("revision", "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var approvedPage = await app.GetPageAsync($"/achievements/{id}");
        Assert.Equal("Review: approved", approvedPage.QuerySelector(".record-actions .badge")!.TextContent.Trim());
        Assert.Empty(approvedPage.QuerySelectorAll(".review-actions button"));
    }

    [Fact]
    public async Task Pages_ReturnedRecord_ShowsTheReviewersComment()
    {
        var id = await DraftAchievementAsync("Returned page achievement");
        await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/submit", ifMatch: "\"1\"");
        await app.Client.SendAsync(HttpMethod.Post, $"/api/v1/achievements/{id}/return", """{"comment":"Which brigade? <b>name it</b>"}""", ifMatch: "\"2\"");

        var page = await app.GetPageAsync($"/achievements/{id}");

        Assert.Equal("Review: returned", page.QuerySelector(".record-actions .badge")!.TextContent.Trim());
        Assert.Equal("Which brigade? <b>name it</b>", page.QuerySelectorAll(".review-comment p")[1].TextContent);
    }

    [Fact]
    public async Task Pages_ReviewAndAudit_ForbiddenBelowTheirRole()
    {
        using var contributor = await ClientAsAsync(Role.Contributor);
        using var reviewer = await ClientAsAsync(Role.Reviewer);

        using var review = await contributor.GetAsync(new Uri("/review", UriKind.Relative));
        using var audit = await reviewer.GetAsync(new Uri("/admin/audit", UriKind.Relative));
        using var reviewForReviewer = await reviewer.GetAsync(new Uri("/review", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (review.StatusCode, audit.StatusCode, reviewForReviewer.StatusCode));
    }

    [Fact]
    public async Task AuditPage_ListsAChangeWithValuesBeforeAndAfter()
    {
        var id = await DraftAchievementAsync("Audited title");
        var put = await app.Client.SendAsync(HttpMethod.Put, $"/api/v1/achievements/{id}", """{"title":"Audited title, corrected"}""", ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, put.Status);

        var page = await app.GetPageAsync($"/admin/audit?event=record.updated&actor={WebAppFixture.AdminName}");
        var bad = await app.GetPageAsync("/admin/audit?since=yesterday", expectedStatus: 400);

        var row = page.QuerySelectorAll("tbody tr").First(r => r.QuerySelector("td a")?.GetAttribute("href") == $"/achievements/{id}");
        Assert.Equal([WebAppFixture.AdminName, "record.updated"], row.QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent.Trim()));
        var title = row.QuerySelectorAll(".audit-fields li").Single(li => li.QuerySelector(".field")!.TextContent == "Title");
        Assert.Equal(("Audited title", "Audited title, corrected"), (title.QuerySelector(".before")!.TextContent, title.QuerySelector(".after")!.TextContent));
        Assert.Equal("since must be a date as yyyy-MM-dd (not 'yesterday')", bad.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task Report_DefaultLeavesOutDrafts_IncludeDraftsShowsThem_EachDownloadAudited()
    {
        await DraftAchievementAsync("Unreviewed air-defence battery");

        using var approvedOnly = await app.Client.GetAsync(new Uri("/report?format=md", UriKind.Relative));
        using var withDrafts = await app.Client.GetAsync(new Uri("/report?format=md&includeDrafts=true", UriKind.Relative));
        var approvedText = await approvedOnly.Content.ReadAsStringAsync();
        var draftsText = await withDrafts.Content.ReadAsStringAsync();

        Assert.DoesNotContain("Unreviewed air-defence battery", approvedText, StringComparison.Ordinal);
        Assert.Matches(@"Approved records only; \d+ records? awaiting review (is|are) left out\.", approvedText);
        Assert.Contains("Unreviewed air-defence battery", draftsText, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var exports = await db.AuditEntries.Where(a => a.Event == "export").OrderByDescending(a => a.Id).Take(2).Select(a => new { a.Actor, a.Details }).ToListAsync();
        Assert.Equal(
            [(WebAppFixture.AdminName, "{\"kind\":\"report\",\"format\":\"md\",\"programme\":\"nato-bih\",\"includeDrafts\":true}"), (WebAppFixture.AdminName, "{\"kind\":\"report\",\"format\":\"md\",\"programme\":\"nato-bih\",\"includeDrafts\":false}")],
            exports.Select(e => (e.Actor, e.Details)));
    }

    [Fact]
    public async Task OpenApi_DescribesTheReviewActions()
    {
        var document = await app.Client.GetJsonAsync("/openapi/v1.json");

        var paths = document.Body.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/achievements/{id}/submit", out var submit));
        Assert.True(paths.TryGetProperty("/api/v1/initiatives/{id}/approve", out _));
        Assert.True(paths.TryGetProperty("/api/v1/sources/{id}/return", out _));
        Assert.Equal("SubmitAchievement", submit.GetProperty("post").GetProperty("operationId").GetString());
        Assert.True(submit.GetProperty("post").GetProperty("responses").TryGetProperty("403", out _));
    }

    /// <summary>A live achievement of the example programme in review state Draft, as a contributor's new record is.</summary>
    private async Task<int> DraftAchievementAsync(string title)
    {
        using (await app.Client.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            // The first request creates the database and loads the example programme.
        }

        await using var db = app.Database.CreateContext();
        var achievement = new Achievement { ProgrammeId = (await db.Programmes.FirstAsync()).Id, Title = title, ReviewState = ReviewState.Draft };
        db.Achievements.Add(achievement);
        await db.SaveChangesAsync();
        return achievement.Id;
    }

    /// <summary>
    /// A client signed in as a new user with <paramref name="role"/> (cleared to NATO SECRET, organisation NATO): its
    /// cookie serves the pages and its bearer token the API.
    /// </summary>
    private async Task<HttpClient> ClientAsAsync(Role role)
    {
        var name = $"review-{role}-{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        await app.CreateUserAsync(name, role, Classification.NatoSecret, null, "NATO");
        var client = await app.SignedInClientAsync(name);
        await using var db = app.Database.CreateContext();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await PartnershipTracker.Testing.TestUsers.CreateTokenAsync(db, name));
        return client;
    }
}
