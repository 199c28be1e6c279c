using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// The "half signed-in" state between a right password and the second factor (docs/adr/0020-two-factor-sign-in.md):
/// no session exists yet. The browser holds a cookie (<see cref="CookieName"/>, HttpOnly, SameSite=Strict, path
/// <c>/login</c>, Secure under HTTPS) whose value is the user id, their security stamp, an expiry
/// <see cref="Lifetime"/> after the password, and the return URL, encrypted and signed with data protection (purpose
/// <see cref="Purpose"/>). It is not a session: the session cookie is another cookie whose value is a random key
/// looked up on the server, so this value opens nothing. A changed security stamp (new password, reset) voids it.
/// </summary>
public sealed class PendingSignIn(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "ptrack.mfa";

    /// <summary>The data protection purpose of the cookie's value.</summary>
    public const string Purpose = "PartnershipTracker.Accounts.PendingSignIn.v1";

    /// <summary>How long after the right password the code may be entered: 5 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>Sets the cookie for <paramref name="user"/>, whose password was just right.</summary>
    public void Start(HttpContext context, User user, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var state = new State(user.Id, user.SecurityStamp, time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds(), returnUrl);
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(state)), Options(context));
    }

    /// <summary>The state of the request's cookie; null when there is none, it was tampered with or it expired.</summary>
    public State? Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        State? state;
        try
        {
            state = JsonSerializer.Deserialize<State>(_protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }

        return state is not null && state.ExpiresAt > time.GetUtcNow().ToUnixTimeSeconds() ? state : null;
    }

    /// <summary>Deletes the cookie (after success, a lockout or a void state).</summary>
    public static void End(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, Options(context));
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = PtrackAuthentication.LoginPath,
        IsEssential = true,
    };

    /// <summary>What the cookie carries.</summary>
    /// <param name="UserId">The user whose password was right.</param>
    /// <param name="Stamp">Their security stamp then.</param>
    /// <param name="ExpiresAt">Unix seconds after which the state is refused.</param>
    /// <param name="ReturnUrl">Where to go once signed in (already checked to be local).</param>
    public sealed record State(int UserId, string Stamp, long ExpiresAt, string ReturnUrl);
}
