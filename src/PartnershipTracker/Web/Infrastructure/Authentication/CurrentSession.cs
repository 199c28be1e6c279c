using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using PartnershipTracker.Core.Features.Accounts;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>The server-side session of the request's own browser, so that "end the user's other sessions" can spare it.</summary>
public static class CurrentSession
{
    /// <summary>The claim in which cookie authentication keeps the session key when a session store is used.</summary>
    private const string SessionKeyClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    /// <summary>The <c>UserSession.Id</c> (SHA-256 of the key) of the request's session cookie; null when there is none.</summary>
    public static string? IdOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var cookie = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        var key = string.IsNullOrEmpty(cookie) ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirstValue(SessionKeyClaim);
        return key is null ? null : SecretTokens.Hash(key);
    }
}
