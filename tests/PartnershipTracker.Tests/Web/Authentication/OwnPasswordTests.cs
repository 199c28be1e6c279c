using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>
/// <c>/account</c>, <c>/account/password</c> and the forced password change (OWASP ASVS 5.0 6.2.2, 6.2.3, 6.4.1, 7.4.3)
/// in the real application.
/// </summary>
public sealed class OwnPasswordTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string NewPassword = "Kestrel over Jahorina 1984";

    private static readonly HtmlParser Parser = new();

    /// <summary>Posts the change-password form as <paramref name="client"/> (antiforgery token from the page).</summary>
    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string repeat, string returnUrl = "")
    {
        using var page = await client.GetAsync(new Uri("/account/password", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("form.password-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(
        [
            new("currentPassword", current), new("newPassword", next), new("repeatPassword", repeat), new("returnUrl", returnUrl), new("__RequestVerificationToken", token),
        ]);
        return await client.PostAsync(new Uri("/account/password", UriKind.Relative), form);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task AccountPage_ShowsNameRoleClearanceNationalityAndLinks()
    {
        await app.CreateUserAsync("olga", Role.Contributor, Classification.NatoRestricted, "BIH");
        using var client = await app.SignedInClientAsync("olga");

        using var response = await client.GetAsync(new Uri("/account", UriKind.Relative));
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["olga", "Contributor", "NATO RESTRICTED", "BIH", "none"],
            new[] { "name", "role", "clearance", "nationality", "organisation" }.Select(id => page.GetElementById("account-" + id)!.TextContent));
        Assert.Equal(
            ["/account/password", "/account/tokens", "/account/mfa"],
            page.QuerySelectorAll(".account-links a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector(".signed-in a[href='/account']"));
    }

    [Fact]
    public async Task PasswordPage_Change_OtherSessionsEndThisOneStaysNewPasswordSignsIn()
    {
        await app.CreateUserAsync("petra", Role.Viewer);
        using var here = await app.SignedInClientAsync("petra");
        using var elsewhere = await app.SignedInClientAsync("petra");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(elsewhere, "/areas"));

        using var changed = await PostChangeAsync(here, TestUsers.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/account/password?changed=true", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(here, "/areas"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(elsewhere, "/areas"));
        using var third = app.AnonymousClient();
        using var oldPassword = await WebAppFixture.PostLoginAsync(third, "petra", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await WebAppFixture.PostLoginAsync(third, "petra", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Name == "petra");
        Assert.True(Passwords.Verify(user.PasswordHash, NewPassword));
        Assert.Equal(2, await db.UserSessions.CountAsync(s => s.UserId == user.Id));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Event == "password.changed" && a.Actor == "petra"));
    }

    [Fact]
    public async Task PasswordPage_WrongCurrentOrWeakNew_400WithTheRuleAndNothingChanged()
    {
        await app.CreateUserAsync("quentin", Role.Viewer);
        using var client = await app.SignedInClientAsync("quentin");

        using var wrong = await PostChangeAsync(client, "not my password at all", NewPassword, NewPassword);
        using var weak = await PostChangeAsync(client, TestUsers.Password, "Quentin at NATO", "Quentin at NATO");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains(ChangePassword.WrongCurrentPassword, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("newPassword: must not contain your user name", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.True(Passwords.Verify((await db.Users.SingleAsync(u => u.Name == "quentin")).PasswordHash, TestUsers.Password));
    }

    [Fact]
    public async Task MustChangePassword_PagesGoToThePasswordPage_CookieApiIs403_BearerWorks_ChangeClearsIt()
    {
        await app.CreateUserAsync("rada", Role.Contributor);
        await using (var db = app.Database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Name == "rada")).MustChangePassword = true;
            await db.SaveChangesAsync();
        }

        using var browser = await app.SignedInClientAsync("rada");
        using var api = await app.ApiClientAsync("rada");

        using (var areas = await browser.GetAsync(new Uri("/areas?page=2", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, areas.StatusCode);
            Assert.Equal("/account/password?returnUrl=%2Fareas%3Fpage%3D2", areas.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(browser, "/account"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(browser, "/health"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(browser, "/css/site.css"));
        using (var page = await browser.GetAsync(new Uri("/account/password", UriKind.Relative)))
        {
            Assert.Contains("id=\"password-required\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, "/api/v1/areas"));
        using (var refused = await browser.GetAsync(new Uri("/api/v1/areas", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Contains("\"title\":\"Password change required\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var changed = await PostChangeAsync(browser, TestUsers.Password, NewPassword, NewPassword, "/areas?page=2");

        Assert.Equal("/areas?page=2", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(browser, "/areas"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(browser, "/api/v1/areas"));
        await using var check = app.Database.CreateContext();
        Assert.False((await check.Users.SingleAsync(u => u.Name == "rada")).MustChangePassword);
    }
}
