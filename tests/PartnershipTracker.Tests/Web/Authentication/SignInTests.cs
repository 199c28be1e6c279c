using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>Sign-in through /login, lockout, sign-out and what a session carries (issue 5).</summary>
public sealed class SignInTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Login_RightPassword_GoesToTheLocalReturnUrlSignedIn()
    {
        await app.CreateUserAsync("sara", Role.Viewer);
        using var client = app.AnonymousClient();

        using var response = await WebAppFixture.PostLoginAsync(client, "SARA", TestUsers.Password, "/areas?page=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/areas?page=1", PathOf(response.Headers.Location!));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ptrack.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await Parser.ParseDocumentAsync(await client.GetStringAsync(new Uri("/areas", UriKind.Relative)));
        Assert.Equal("Signed in as sara", page.QuerySelector(".signed-in .user-name")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[action='/logout'] input[name=__RequestVerificationToken]"));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Login_ReturnUrlElsewhere_GoesToTheDashboardInstead(string returnUrl)
    {
        await app.CreateUserAsync("redirect-" + Math.Abs(returnUrl.GetHashCode(StringComparison.Ordinal)), Role.Viewer);
        using var client = app.AnonymousClient();

        using var response = await WebAppFixture.PostLoginAsync(client, "redirect-" + Math.Abs(returnUrl.GetHashCode(StringComparison.Ordinal)), TestUsers.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", PathOf(response.Headers.Location!));
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownName_SameMessageAndNoSession()
    {
        await app.CreateUserAsync("omar", Role.Viewer);
        using var client = app.AnonymousClient();

        var wrongPassword = await RefusalAsync(client, "omar", "not-the-password");
        var unknownName = await RefusalAsync(client, "nobody-at-all", "not-the-password");

        Assert.Equal((SignIn.WrongNameOrPassword, SignIn.WrongNameOrPassword), (wrongPassword, unknownName));
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        await using var db = app.Database.CreateContext();
        var events = await db.AuditEntries.Where(a => a.Actor == "omar" || a.Actor == "nobody-at-all").Select(a => new { a.Actor, a.Event }).ToListAsync();
        Assert.Equal([("omar", "signin.failed"), ("nobody-at-all", "signin.failed")], events.Select(e => (e.Actor, e.Event)));
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        await app.CreateUserAsync("lena", Role.Viewer);
        using var client = app.AnonymousClient();

        var messages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            messages.Add(await RefusalAsync(client, "lena", "wrong-" + i));
        }

        using var right = await WebAppFixture.PostLoginAsync(client, "lena", TestUsers.Password);
        var rightPage = await Parser.ParseDocumentAsync(await right.Content.ReadAsStringAsync());

        Assert.Equal([.. Enumerable.Repeat(SignIn.WrongNameOrPassword, 4), SignIn.Locked], messages);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(SignIn.Locked, rightPage.QuerySelector("[role=alert]")!.TextContent.Trim());
        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Name == "lena");
        var now = TimeProvider.System.GetUtcNow();
        Assert.InRange(user.LockedUntil!.Value, now.AddMinutes(14), now.AddMinutes(15));
        var events = await db.AuditEntries.Where(a => a.Actor == "lena").Select(a => a.Event).ToListAsync();
        Assert.Equal(["signin.failed", "signin.failed", "signin.failed", "signin.failed", "signin.locked", "signin.locked"], events);
    }

    [Fact]
    public async Task Logout_DeletesTheSession_ACopiedCookieStopsWorking()
    {
        await app.CreateUserAsync("copy", Role.Viewer);
        using var client = app.AnonymousClient();
        string cookie;
        using (var signIn = await WebAppFixture.PostLoginAsync(client, "copy", TestUsers.Password))
        {
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ptrack.session=", StringComparison.Ordinal)).Split(';')[0];
        }

        var page = await Parser.ParseDocumentAsync(await client.GetStringAsync(new Uri("/areas", UriKind.Relative)));
        var token = page.QuerySelector("form[action='/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(1, await db.UserSessions.CountAsync(s => s.User!.Name == "copy"));
        }

        using var logout = await client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/login", PathOf(logout.Headers.Location!));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(0, await db.UserSessions.CountAsync(s => s.User!.Name == "copy"));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Actor == "copy" && a.Event == "signout"));
        }

        using var replay = app.AnonymousClient();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        using var pageReplay = await replay.GetAsync(new Uri("/areas", UriKind.Relative));
        using var apiReplay = await replay.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, pageReplay.StatusCode);
        Assert.StartsWith("/login?returnUrl=", PathOf(pageReplay.Headers.Location!), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, apiReplay.StatusCode);
    }

    [Fact]
    public async Task Session_CookieHoldsOnlyAKey_TheServerKeepsItsHash()
    {
        await app.CreateUserAsync("keyed", Role.Viewer);
        using var client = await app.SignedInClientAsync("keyed");

        await using var db = app.Database.CreateContext();
        var session = await db.UserSessions.SingleAsync(s => s.User!.Name == "keyed");
        Assert.Matches("^[0-9a-f]{64}$", session.Id);
        Assert.NotEmpty(session.Ticket);
        Assert.True(session.ExpiresAt > session.CreatedAt);
    }

    [Fact]
    public async Task Logout_Get_IsNotAllowed()
    {
        using var response = await app.Client.GetAsync(new Uri("/logout", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task DisabledUser_SessionAndTokenStopAtOnce()
    {
        await app.CreateUserAsync("gone", Role.Contributor);
        using var browser = await app.SignedInClientAsync("gone");
        using var api = await app.ApiClientAsync("gone");
        using (var before = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Name == "gone");
            user.DisabledAt = app.Database.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        using var page = await browser.GetAsync(new Uri("/areas", UriKind.Relative));
        using var call = await api.GetAsync(new Uri("/api/v1/areas", UriKind.Relative));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Unauthorized), (page.StatusCode, call.StatusCode));
        Assert.Equal("Bearer", call.Headers.WwwAuthenticate.Single().Scheme);
    }

    private static async Task<string> RefusalAsync(HttpClient client, string name, string password)
    {
        using var response = await WebAppFixture.PostLoginAsync(client, name, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("[role=alert]")!.TextContent.Trim();
    }

    /// <summary>The path and query a redirect points to, whether its Location is absolute or not.</summary>
    internal static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
