using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Web.Admin;

/// <summary>/admin/users, /admin/users/{id} and the Admin nav entry through the real application: every action audited, errors next to fields.</summary>
public sealed class AdminPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task UsersPage_AddUser_PasswordShownOnceSignsInAndMustBeChanged()
    {
        using var posted = await app.PostFormAsync("/admin/users", "/admin/users",
            ("Form.Name", "page-added"), ("Form.Role", "Contributor"), ("Form.Clearance", "NATO RESTRICTED"), ("Form.Nationality", "bih"), ("Form.Organisation", ""));
        var html = await Parser.ParseDocumentAsync(await posted.Content.ReadAsStringAsync());
        var password = html.QuerySelector("#new-password")?.GetAttribute("value");
        var listAgain = await app.GetPageAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(posted.Headers.CacheControl?.NoStore);
        Assert.False(string.IsNullOrEmpty(password));
        Assert.Null(listAgain.QuerySelector("#new-password"));
        Assert.DoesNotContain(password!, listAgain.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var row = listAgain.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "page-added");
        Assert.Equal(["Contributor", "NATO RESTRICTED", "BIH", "—", "must change password", "off"], row.QuerySelectorAll("td").Take(6).Select(c => c.TextContent));
        await using var db = app.Database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Name == "page-added");
        Assert.True(user.MustChangePassword);
        Assert.True(Passwords.Verify(user.PasswordHash, password!));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Event == "user.created" && a.Actor == WebAppFixture.AdminName && a.Details.Contains("\"page-added\"")));
        using var client = app.AnonymousClient();
        using var signIn = await WebAppFixture.PostLoginAsync(client, "page-added", password!);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task UsersPage_AddInvalid_422WithMessagesNextToFields_NameTaken409()
    {
        using var invalid = await app.PostFormAsync("/admin/users", "/admin/users",
            ("Form.Name", "bad nation"), ("Form.Role", "Viewer"), ("Form.Clearance", "PUBLIC"), ("Form.Nationality", "XQZ"), ("Form.Organisation", ""));
        var invalidHtml = await Parser.ParseDocumentAsync(await invalid.Content.ReadAsStringAsync());
        await app.CreateUserAsync("page-taken", Role.Viewer);
        using var taken = await app.PostFormAsync("/admin/users", "/admin/users",
            ("Form.Name", "PAGE-TAKEN"), ("Form.Role", "Viewer"), ("Form.Clearance", "PUBLIC"), ("Form.Nationality", ""), ("Form.Organisation", ""));
        var takenHtml = await Parser.ParseDocumentAsync(await taken.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("XQZ", invalidHtml.QuerySelector("#user-nationality-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", invalidHtml.QuerySelector("#user-nationality")!.GetAttribute("aria-invalid"));
        Assert.Equal("bad nation", invalidHtml.QuerySelector("#user-name")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("a user named 'PAGE-TAKEN' exists already (names are compared ignoring case)", takenHtml.QuerySelector("#user-name-error")!.TextContent);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Name == "bad nation"));
    }

    [Fact]
    public async Task UserPage_SaveRoleAndClearance_ChangedAuditedAndSessionsEnded()
    {
        var user = await app.CreateUserAsync("page-promoted", Role.Viewer, Classification.NatoRestricted, "BIH", null);
        using var session = await app.SignedInClientAsync("page-promoted");

        using var saved = await app.PostFormAsync($"/admin/users/{user.Id}?handler=Save", $"/admin/users/{user.Id}",
            ("Form.Role", "Reviewer"), ("Form.Clearance", "NATO CONFIDENTIAL"), ("Form.Nationality", "BIH"), ("Form.Organisation", "NATO"));
        using var afterwards = await session.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Redirect, $"/admin/users/{user.Id}?done=saved"), (saved.StatusCode, saved.Headers.Location?.OriginalString));
        await using var db = app.Database.CreateContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal((Role.Reviewer, Classification.NatoConfidential, "BIH", "NATO"), (stored.Role, stored.Clearance, stored.Nationality, stored.Organisation));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Event == "user.role-changed" && a.Details.Contains("\"page-promoted\"")));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Event == "user.updated" && a.Details.Contains("\"page-promoted\"")));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [Fact]
    public async Task UserPage_BadRole_422NothingChanges()
    {
        var user = await app.CreateUserAsync("page-badrole", Role.Viewer, Classification.Public);

        using var saved = await app.PostFormAsync($"/admin/users/{user.Id}?handler=Save", $"/admin/users/{user.Id}",
            ("Form.Role", "Boss"), ("Form.Clearance", "NATO SECRET"), ("Form.Nationality", ""), ("Form.Organisation", ""));
        var html = await Parser.ParseDocumentAsync(await saved.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        Assert.Equal("role must be one of Viewer, Contributor, Reviewer, Admin", html.QuerySelector("#user-role-error")!.TextContent);
        await using var db = app.Database.CreateContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal((Role.Viewer, Classification.Public), (stored.Role, stored.Clearance));
    }

    [Fact]
    public async Task UserPage_DisableEndsSessionsAndEnableLetsThemSignInAgain()
    {
        var user = await app.CreateUserAsync("page-disabled", Role.Contributor);
        using var session = await app.SignedInClientAsync("page-disabled");
        using (var before = await session.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var disabled = await app.PostFormAsync($"/admin/users/{user.Id}?handler=Disable", $"/admin/users/{user.Id}");
        using var afterDisable = await session.GetAsync(new Uri("/", UriKind.Relative));
        using var client = app.AnonymousClient();
        using var refusedSignIn = await WebAppFixture.PostLoginAsync(client, "page-disabled", TestUsers.Password);
        using var enabled = await app.PostFormAsync($"/admin/users/{user.Id}?handler=Enable", $"/admin/users/{user.Id}");
        using var signIn = await WebAppFixture.PostLoginAsync(client, "page-disabled", TestUsers.Password);

        Assert.Equal((HttpStatusCode.Redirect, $"/admin/users/{user.Id}?done=disabled"), (disabled.StatusCode, disabled.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("/login", afterDisable.Headers.Location!.IsAbsoluteUri ? afterDisable.Headers.Location.AbsolutePath : afterDisable.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, refusedSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(["user.disabled", "user.enabled"], await db.AuditEntries.Where(a => a.Event.StartsWith("user.") && a.Details.Contains("\"page-disabled\"")).OrderBy(a => a.Id).Select(a => a.Event).ToListAsync());
    }

    [Fact]
    public async Task UserPage_ResetPassword_NewPasswordShownOnceOldOneFailsMustChange()
    {
        var user = await app.CreateUserAsync("page-reset", Role.Viewer);

        using var reset = await app.PostFormAsync($"/admin/users/{user.Id}?handler=Reset", $"/admin/users/{user.Id}");
        var html = await Parser.ParseDocumentAsync(await reset.Content.ReadAsStringAsync());
        var password = html.QuerySelector("#new-password")!.GetAttribute("value")!;
        using var client = app.AnonymousClient();
        using var oldPassword = await WebAppFixture.PostLoginAsync(client, "page-reset", TestUsers.Password);
        using var newPassword = await WebAppFixture.PostLoginAsync(client, "page-reset", password);

        Assert.Equal((HttpStatusCode.OK, true), (reset.StatusCode, reset.Headers.CacheControl?.NoStore));
        Assert.NotEqual(HttpStatusCode.Redirect, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.True((await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).MustChangePassword);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Event == "user.password-reset" && a.Details.Contains("\"page-reset\"")));
    }

    [Fact]
    public async Task UserPage_PublicAdmin_CannotResetHigherClearedUserNorRaiseOwnClearance_403NothingChanges()
    {
        var admin = await app.CreateUserAsync("page-public-admin", Role.Admin, Classification.Public);
        var secret = await app.CreateUserAsync("page-secret-viewer", Role.Viewer, Classification.NatoSecret);
        using var client = await app.SignedInClientAsync(admin.Name);

        using var reset = await PostAsync(client, $"/admin/users/{secret.Id}?handler=Reset", $"/admin/users/{secret.Id}");
        var resetHtml = await Parser.ParseDocumentAsync(await reset.Content.ReadAsStringAsync());
        using var raise = await PostAsync(client, $"/admin/users/{admin.Id}?handler=Save", $"/admin/users/{admin.Id}",
            ("Form.Role", "Admin"), ("Form.Clearance", "NATO SECRET"), ("Form.Nationality", ""), ("Form.Organisation", "NATO"));
        var raiseHtml = await Parser.ParseDocumentAsync(await raise.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Null(resetHtml.QuerySelector("#new-password"));
        Assert.Contains("user 'page-secret-viewer' is cleared NATO SECRET, above your own clearance (PUBLIC)", resetHtml.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, raise.StatusCode);
        Assert.Equal("you may not grant the clearance NATO SECRET: it is above your own (PUBLIC)", raiseHtml.QuerySelector("#user-clearance-error")?.TextContent);
        await using var db = app.Database.CreateContext();
        Assert.Equal(secret.PasswordHash, (await db.Users.AsNoTracking().SingleAsync(u => u.Id == secret.Id)).PasswordHash);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id);
        Assert.Equal((Classification.Public, (string?)null), (stored.Clearance, stored.Organisation));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Actor == admin.Name && a.Event.StartsWith("user.")));
    }

    /// <summary>Posts a form with <paramref name="client"/>'s own cookies and the antiforgery token of <paramref name="pageWithToken"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string pageWithToken, params (string Name, string Value)[] fields)
    {
        using var page = await client.GetAsync(new Uri(pageWithToken, UriKind.Relative));
        var html = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [Fact]
    public async Task UserPage_UnknownId_404()
    {
        var page = await app.GetPageAsync("/admin/users/987654", 404);

        Assert.Contains("there is no user 987654", page.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nav_AdminEntryForAdminsOnly_AdminPagesForbiddenToOthers()
    {
        await app.CreateUserAsync("page-reviewer", Role.Reviewer);
        using var reviewer = await app.SignedInClientAsync("page-reviewer");

        var adminHome = await app.GetPageAsync("/");
        using var reviewerHome = await reviewer.GetAsync(new Uri("/", UriKind.Relative));
        using var reviewerUsers = await reviewer.GetAsync(new Uri("/admin/users", UriKind.Relative));
        using var reviewerSettings = await reviewer.GetAsync(new Uri("/admin/settings", UriKind.Relative));

        Assert.Contains(adminHome.QuerySelectorAll("nav[aria-label=Main] a"), a => a.GetAttribute("href") == "/admin/users" && a.TextContent == "Admin");
        var reviewerNav = (await Parser.ParseDocumentAsync(await reviewerHome.Content.ReadAsStringAsync())).QuerySelectorAll("nav[aria-label=Main] a");
        Assert.DoesNotContain(reviewerNav, a => a.TextContent == "Admin");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (reviewerUsers.StatusCode, reviewerSettings.StatusCode));
    }
}
