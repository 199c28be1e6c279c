using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Web.Pages.Account;

/// <summary>
/// <c>/login</c>: the sign-in form. A right name and password start a session (a cookie holding only a session key)
/// and go back to <c>returnUrl</c> when it is a path on this site (never elsewhere: no open redirect), else to the
/// dashboard. A refusal shows one message for every wrong name or password, or that the account is locked.
/// POST is rate limited per client address (<c>Security:LoginRateLimit</c>). For a user with two-factor sign-in on, a
/// right password starts no session: it sets the short-lived <see cref="PendingSignIn"/> cookie and goes to
/// <c>/login/code</c>, which asks for the code (ADR 0020).
/// </summary>
public sealed class LoginModel(SignIn signIn, PendingSignIn pending) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the last attempt was refused; null before any.</summary>
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await signIn.HandleAsync(Name, Password, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Failure!.Message;
            Password = null;
            return Page();
        }

        var user = result.Value!;
        if (user.TotpEnabledAt is not null)
        {
            pending.Start(HttpContext, user, SafeReturnUrl(ReturnUrl));
            return LocalRedirect(PtrackAuthentication.LoginCodePath);
        }

        PendingSignIn.End(HttpContext);
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            PtrackClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary><paramref name="returnUrl"/> when it is a local path ("/areas?page=2"), else "/"; never "//host" or "/\host".</summary>
    public string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/login", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/";
}
