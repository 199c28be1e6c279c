using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Tests.Web.Authentication;

/// <summary>
/// The real application on a temp database, with a fake clock (<see cref="Time"/>, starting now) as its
/// <see cref="TimeProvider"/>, so that tests can move from one 30-second TOTP step to the next and past the 5 minutes
/// of the half-signed-in state.
/// </summary>
public sealed class TwoFactorFixture : IAsyncLifetime, IDisposable
{
    private PtrackWebFactory _base = null!;

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public TempSqliteDatabase Database { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TempSqliteDatabase.CreateAsync(migrate: false);
        _base = new PtrackWebFactory("Data Source=" + Database.FilePath + ";Pooling=False");
        Factory = _base.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time)));
        using var start = Client();
        using var health = await start.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>xUnit calls this after <see cref="DisposeAsync"/>; disposing the application again does nothing.</summary>
    public void Dispose() => _base.Dispose();

    /// <summary>A new client with cookies of its own that follows no redirect.</summary>
    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The code an authenticator app holding <paramref name="secret"/> shows at the application's current time.</summary>
    public string CodeFor(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Time.GetUtcNow().UtcDateTime);

    /// <summary>Moves the application's clock to the next 30-second step (a new code).</summary>
    public void NextStep() => Time.Advance(TimeSpan.FromSeconds(30));

    public async Task<User> StoredAsync(string name)
    {
        await using var db = Database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Name == name);
    }

    public async Task<List<(string Event, string Details)>> EventsAsync(string actor)
    {
        await using var db = Database.CreateContext();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Actor == actor).OrderBy(a => a.Id).Select(a => new { a.Event, a.Details }).ToListAsync();
        return [.. rows.Select(r => (r.Event, r.Details))];
    }
}

/// <summary>
/// Two-factor sign-in with an authenticator app (issue 5, OWASP ASVS 5.0 6.3.3; ADR 0020): enrolment on
/// /account/mfa, the second step /login/code, replay, recovery codes, lockout and the half-signed-in state.
/// Codes are computed here with Otp.NET from the secret the enrolment page shows.
/// </summary>
public sealed class TwoFactorSignInTests(TwoFactorFixture app) : IClassFixture<TwoFactorFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Enrol_ThenPasswordAlone_NoSessionUntilTheRightCode()
    {
        var (name, secret, codes) = await EnrolledUserAsync("mfa-amira");

        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){5}$", c));
        Assert.Equal(10, codes.Distinct().Count());
        var stored = await app.StoredAsync(name);
        Assert.NotNull(stored.TotpEnabledAt);
        Assert.DoesNotContain(secret, stored.TotpSecret!, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            var hashes = await db.RecoveryCodes.Where(c => c.UserId == stored.Id).Select(c => c.CodeHash).ToListAsync();
            Assert.Equal(codes.Select(SecretTokens.Hash).Order(), hashes.Order());
        }

        app.NextStep();
        using var client = app.Client();
        using var password = await WebAppFixture.PostLoginAsync(client, name, TestUsers.Password, "/areas");

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/login/code", password.Headers.Location!.OriginalString);
        var setCookies = password.Headers.GetValues("Set-Cookie").ToList();
        Assert.DoesNotContain(setCookies, c => c.StartsWith(PtrackAuthentication.CookieName + "=", StringComparison.Ordinal));
        var pending = Assert.Single(setCookies, c => c.StartsWith(PendingSignIn.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", pending, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", pending, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/login", pending, StringComparison.OrdinalIgnoreCase);
        using (var areas = await client.GetAsync(new Uri("/areas", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, areas.StatusCode);
            Assert.Equal("/login", areas.Headers.Location!.AbsolutePath);
        }

        using var code = await PostCodeAsync(client, app.CodeFor(secret));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/areas", code.Headers.Location!.OriginalString);
        using var signedIn = await client.GetAsync(new Uri("/areas", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var events = (await app.EventsAsync(name)).Select(e => e.Event).ToList();
        Assert.Equal(["mfa.enrolment_started", "mfa.enabled", "signout", "signin.password_accepted", "signin.succeeded"], events[^5..]);
    }

    [Fact]
    public async Task TurningOn_EndsOtherSessions_KeepsThisBrowserSignedIn()
    {
        await using (var db = app.Database.CreateContext())
        {
            await TestUsers.CreateAsync(db, "mfa-ivo", Role.Viewer);
        }

        using var other = app.Client();
        using var client = app.Client();
        foreach (var browser in new[] { other, client })
        {
            using var login = await WebAppFixture.PostLoginAsync(browser, "mfa-ivo", TestUsers.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var stampBefore = (await app.StoredAsync("mfa-ivo")).SecurityStamp;
        await EnrolAsync(client, app.CodeFor);

        using var otherAreas = await other.GetAsync(new Uri("/areas", UriKind.Relative));
        using var thisAreas = await client.GetAsync(new Uri("/areas", UriKind.Relative));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.OK), (otherAreas.StatusCode, thisAreas.StatusCode));
        Assert.NotEqual(stampBefore, (await app.StoredAsync("mfa-ivo")).SecurityStamp);
        await using var check = app.Database.CreateContext();
        var id = (await app.StoredAsync("mfa-ivo")).Id;
        Assert.Equal(1, await check.UserSessions.CountAsync(s => s.UserId == id));
    }

    [Fact]
    public async Task EnrolmentPage_ShowsQrCodeSecretAndKeyUri_WithoutScript()
    {
        await using (var db = app.Database.CreateContext())
        {
            await TestUsers.CreateAsync(db, "mfa-qr", Role.Viewer);
        }

        using var client = app.Client();
        using (var login = await WebAppFixture.PostLoginAsync(client, "mfa-qr", TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var refused = await PostFormAsync(client, "/account/mfa?handler=Begin", "/account/mfa", ("password", "not the password"));
        var refusedPage = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Enter your password to set up an authenticator app.", refusedPage.QuerySelector("#mfa-error")!.TextContent);
        Assert.Null(refusedPage.QuerySelector("#mfa-secret"));
        Assert.Equal((null, 1), ((await app.StoredAsync("mfa-qr")).TotpSecret, (await app.StoredAsync("mfa-qr")).FailedSignIns));

        using var begin = await PostFormAsync(client, "/account/mfa?handler=Begin", "/account/mfa", ("password", TestUsers.Password));
        var page = await Parser.ParseDocumentAsync(await begin.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, begin.StatusCode);
        Assert.True(begin.Headers.CacheControl!.NoStore);
        var secret = page.QuerySelector("#mfa-secret")!.GetAttribute("data-secret")!;
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        Assert.Equal(secret, page.QuerySelector("#mfa-secret")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal(
            $"otpauth://totp/Partnership%20Tracker:mfa-qr?secret={secret}&issuer=Partnership%20Tracker&algorithm=SHA1&digits=6&period=30",
            page.QuerySelector("#mfa-uri")!.GetAttribute("href"));
        var image = page.QuerySelector("img.qr-code")!.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", image, StringComparison.Ordinal);
        var png = Convert.FromBase64String(image["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Contains("img-src 'self' data:", begin.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Not on until a right code: a wrong one is refused and nothing changes.
        using var wrong = await PostFormAsync(client, "/account/mfa?handler=Confirm", "/account/mfa", ("code", "000000" == app.CodeFor(secret) ? "111111" : "000000"));
        var wrongPage = await Parser.ParseDocumentAsync(await wrong.Content.ReadAsStringAsync());
        Assert.StartsWith("The code is not right", wrongPage.QuerySelector("#mfa-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await app.StoredAsync("mfa-qr")).TotpEnabledAt);
        Assert.Equal(secret, wrongPage.QuerySelector("#mfa-secret")!.GetAttribute("data-secret"));
    }

    [Fact]
    public async Task WrongCode_RefusedCountedAndLocksLikeWrongPasswords()
    {
        var (name, secret, _) = await EnrolledUserAsync("mfa-bojan");
        app.NextStep();
        using var client = app.Client();
        var right = app.CodeFor(secret);
        var wrong = right == "123456" ? "654321" : "123456";

        var messages = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var login = await WebAppFixture.PostLoginAsync(client, name, TestUsers.Password);
            Assert.Equal("/login/code", login.Headers.Location!.OriginalString);
            messages.Add(await RefusalAsync(client, wrong));
        }

        // A right password again does not clear the failures of the code step.
        Assert.Equal(2, (await app.StoredAsync(name)).FailedSignIns);
        for (var i = 0; i < 3; i++)
        {
            messages.Add(await RefusalAsync(client, wrong));
        }

        Assert.Equal([.. Enumerable.Repeat(MfaWrongCode, 4), SignIn.Locked], messages);
        var stored = await app.StoredAsync(name);
        Assert.Equal(app.Time.GetUtcNow().AddMinutes(15), stored.LockedUntil);
        using var afterLock = await client.GetAsync(new Uri("/login/code", UriKind.Relative));
        Assert.Equal("/login", afterLock.Headers.Location!.OriginalString);
        using var again = await WebAppFixture.PostLoginAsync(client, name, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var events = (await app.EventsAsync(name)).Select(e => e.Event).ToList();
        Assert.Equal(4, events.Count(e => e == "signin.mfa_failed"));
        Assert.Equal(["signin.locked", "signin.locked"], events[^2..]);
    }

    [Fact]
    public async Task ReplayedCode_Refused_EvenInTheNextStep()
    {
        var (name, secret, _) = await EnrolledUserAsync("mfa-chiara");
        app.NextStep();
        var code = app.CodeFor(secret);
        using (var first = app.Client())
        {
            await PasswordAsync(first, name);
            using var ok = await PostCodeAsync(first, code);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            Assert.Equal("/", ok.Headers.Location!.OriginalString);
        }

        using var second = app.Client();
        await PasswordAsync(second, name);
        var sameStep = await RefusalAsync(second, code);
        app.NextStep();
        var nextStep = await RefusalAsync(second, code);
        using var fresh = await PostCodeAsync(second, app.CodeFor(secret));

        Assert.Equal((MfaWrongCode, MfaWrongCode), (sameStep, nextStep));
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        var failures = (await app.EventsAsync(name)).Where(e => e.Event == "signin.mfa_failed").Select(e => e.Details).ToList();
        Assert.Equal(["{\"reason\":\"replayed code\"}", "{\"reason\":\"replayed code\"}"], failures);
    }

    [Fact]
    public async Task OldCode_TwoStepsLate_Refused()
    {
        var (name, secret, _) = await EnrolledUserAsync("mfa-cem");
        app.NextStep();
        var code = app.CodeFor(secret);
        app.NextStep();
        app.NextStep();
        using var client = app.Client();
        await PasswordAsync(client, name);

        var late = await RefusalAsync(client, code);

        Assert.Equal(MfaWrongCode, late);
        Assert.Equal("{\"reason\":\"wrong code\"}", (await app.EventsAsync(name))[^1].Details);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var (name, _, codes) = await EnrolledUserAsync("mfa-dara");
        var typed = codes[3].ToUpperInvariant().Replace('-', ' ');
        using (var first = app.Client())
        {
            await PasswordAsync(first, name);
            using var ok = await PostCodeAsync(first, typed);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            using var page = await first.GetAsync(new Uri("/account/mfa", UriKind.Relative));
            var html = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
            Assert.Equal("9", html.QuerySelector("#recovery-codes-left")!.TextContent);
        }

        using var second = app.Client();
        await PasswordAsync(second, name);
        var again = await RefusalAsync(second, codes[3]);

        Assert.Equal(MfaWrongCode, again);
        var events = await app.EventsAsync(name);
        Assert.Contains(("mfa.recovery_used", "{\"userId\":" + (await app.StoredAsync(name)).Id + ",\"recoveryCodesLeft\":9}"), events);
        Assert.Equal("signin.mfa_failed", events[^1].Event);
    }

    [Fact]
    public async Task HalfSignedInState_ExpiresAfterFiveMinutes()
    {
        var (name, secret, _) = await EnrolledUserAsync("mfa-emil");
        var lastStep = (await app.StoredAsync(name)).LastTotpStep;
        using var client = app.Client();
        await PasswordAsync(client, name);

        using var codePage = await client.GetAsync(new Uri("/login/code", UriKind.Relative));
        var token = (await Parser.ParseDocumentAsync(await codePage.Content.ReadAsStringAsync()))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        app.Time.Advance(PendingSignIn.Lifetime + TimeSpan.FromSeconds(1));
        using var form = new FormUrlEncodedContent([new("code", app.CodeFor(secret)), new("__RequestVerificationToken", token)]);
        using var late = await client.PostAsync(new Uri("/login/code", UriKind.Relative), form);
        using var areas = await client.GetAsync(new Uri("/areas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal("/login", late.Headers.Location!.OriginalString);
        Assert.DoesNotContain(late.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(PtrackAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal("/login", areas.Headers.Location!.AbsolutePath);
        Assert.Equal(lastStep, (await app.StoredAsync(name)).LastTotpStep);
    }

    [Fact]
    public async Task HalfSignedInCookie_IsNoSession()
    {
        var (name, _, _) = await EnrolledUserAsync("mfa-farah");
        using var client = app.Client();
        using var login = await WebAppFixture.PostLoginAsync(client, name, TestUsers.Password);
        var value = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PendingSignIn.CookieName + "=", StringComparison.Ordinal))
            .Split(';')[0][(PendingSignIn.CookieName.Length + 1)..];

        using var raw = app.Factory.Server.CreateClient();
        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var cookie in new[] { PtrackAuthentication.CookieName + "=" + value, PendingSignIn.CookieName + "=" + value })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/areas");
            request.Headers.Add("Cookie", cookie);
            using var response = await raw.SendAsync(request);
            answers.Add((response.StatusCode, response.Headers.Location?.AbsolutePath));
        }

        Assert.Equal([(HttpStatusCode.Redirect, "/login"), (HttpStatusCode.Redirect, "/login")], answers);
        using var tampered = new HttpRequestMessage(HttpMethod.Get, "/login/code");
        tampered.Headers.Add("Cookie", PendingSignIn.CookieName + "=" + value[..^4] + "AAAA");
        using var tamperedAnswer = await raw.SendAsync(tampered);
        Assert.Equal("/login", tamperedAnswer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TurnOff_WithPassword_ThenPasswordAloneSignsIn()
    {
        var (name, secret, _) = await EnrolledUserAsync("mfa-goran");
        app.NextStep();
        using var client = app.Client();
        await PasswordAsync(client, name);
        using (var ok = await PostCodeAsync(client, app.CodeFor(secret)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var wrong = await PostFormAsync(client, "/account/mfa?handler=Disable", "/account/mfa", ("proof", "not the password"));
        Assert.NotNull((await app.StoredAsync(name)).TotpEnabledAt);
        using var off = await PostFormAsync(client, "/account/mfa?handler=Disable", "/account/mfa", ("proof", TestUsers.Password));
        var page = await Parser.ParseDocumentAsync(await off.Content.ReadAsStringAsync());

        Assert.StartsWith("Two-factor sign-in is off", page.QuerySelector("#mfa-done")!.TextContent, StringComparison.Ordinal);
        var stored = await app.StoredAsync(name);
        Assert.Equal((null, null, 1), (stored.TotpSecret, stored.TotpEnabledAt, stored.FailedSignIns));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(0, await db.RecoveryCodes.CountAsync(c => c.UserId == stored.Id));
        }

        using var other = app.Client();
        using var login = await WebAppFixture.PostLoginAsync(other, name, TestUsers.Password);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
        Assert.Equal(["mfa.disable_failed", "mfa.disabled"], (await app.EventsAsync(name)).Select(e => e.Event).Where(e => e.StartsWith("mfa.disable", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RegenerateRecoveryCodes_OldOnesStopWorking()
    {
        var (name, _, codes) = await EnrolledUserAsync("mfa-hana");
        using var client = app.Client();
        await PasswordAsync(client, name);
        using (var ok = await PostCodeAsync(client, codes[0]))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var wrongProof = await PostFormAsync(client, "/account/mfa?handler=Regenerate", "/account/mfa", ("proof", "not the password"));
        Assert.Empty(RecoveryCodesOn(await Parser.ParseDocumentAsync(await wrongProof.Content.ReadAsStringAsync())));
        using var regenerated = await PostFormAsync(client, "/account/mfa?handler=Regenerate", "/account/mfa", ("proof", TestUsers.Password));
        var fresh = RecoveryCodesOn(await Parser.ParseDocumentAsync(await regenerated.Content.ReadAsStringAsync()));

        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        using var other = app.Client();
        await PasswordAsync(other, name);
        Assert.Equal(MfaWrongCode, await RefusalAsync(other, codes[1]));
        using var withNew = await PostCodeAsync(other, fresh[0]);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        var events = (await app.EventsAsync(name)).Select(e => e.Event).ToList();
        Assert.Equal(["mfa.recovery_codes_failed", "mfa.recovery_codes_regenerated"], events.Where(e => e.StartsWith("mfa.recovery_codes", StringComparison.Ordinal)));
    }

    /// <summary>The message for a wrong code (internal in Core).</summary>
    private const string MfaWrongCode = "The code is not right. Enter the current code from your authenticator app, or one of your recovery codes.";

    /// <summary>A new user who set up an authenticator app through /account/mfa, then signed out; returns their secret and recovery codes.</summary>
    private async Task<(string Name, string Secret, IReadOnlyList<string> Codes)> EnrolledUserAsync(string name)
    {
        await using (var db = app.Database.CreateContext())
        {
            await TestUsers.CreateAsync(db, name, Role.Viewer);
        }

        using var client = app.Client();
        using (var login = await WebAppFixture.PostLoginAsync(client, name, TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var (secret, codes) = await EnrolAsync(client, app.CodeFor);
        using (var logout = await PostFormAsync(client, "/logout", "/account/mfa"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        return (name, secret, codes);
    }

    /// <summary>Sets up an authenticator app for the signed-in <paramref name="client"/>; <paramref name="codeFor"/> plays the app.</summary>
    internal static async Task<(string Secret, IReadOnlyList<string> Codes)> EnrolAsync(HttpClient client, Func<string, string> codeFor)
    {
        using var begin = await PostFormAsync(client, "/account/mfa?handler=Begin", "/account/mfa", ("password", TestUsers.Password));
        var page = await Parser.ParseDocumentAsync(await begin.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("#mfa-secret")!.GetAttribute("data-secret")!;
        using var confirm = await PostFormAsync(client, "/account/mfa?handler=Confirm", "/account/mfa", ("code", codeFor(secret)));
        var confirmed = await Parser.ParseDocumentAsync(await confirm.Content.ReadAsStringAsync());
        Assert.Equal("Two-factor sign-in is on", Regex.Match(confirmed.QuerySelector("#mfa-state")!.TextContent, "^Two-factor sign-in is on").Value);
        return (secret, RecoveryCodesOn(confirmed));
    }

    private static List<string> RecoveryCodesOn(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("ol.recovery-codes li code").Select(c => c.TextContent)];

    private static async Task PasswordAsync(HttpClient client, string name)
    {
        using var login = await WebAppFixture.PostLoginAsync(client, name, TestUsers.Password);
        Assert.Equal("/login/code", login.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code) =>
        PostFormAsync(client, "/login/code", "/login/code", ("code", code));

    /// <summary>Posts a wrong code and returns the page's message; fails unless the page is shown again (200).</summary>
    private static async Task<string> RefusalAsync(HttpClient client, string code)
    {
        using var response = await PostCodeAsync(client, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("#code-error")!.TextContent;
    }

    /// <summary>Posts a form with the antiforgery token of the page at <paramref name="tokenPage"/>.</summary>
    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string tokenPage, params (string Name, string Value)[] fields)
    {
        using var get = await client.GetAsync(new Uri(tokenPage, UriKind.Relative));
        var html = await Parser.ParseDocumentAsync(await get.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"GET {tokenPage} ({(int)get.StatusCode}) has no form");
        using var form = new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }
}
