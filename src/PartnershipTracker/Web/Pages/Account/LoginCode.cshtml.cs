using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Accounts.Mfa;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Web.Pages.Account;

/// <summary>
/// <c>/login/code</c>: the second step of signing in (ADR 0020). Open only with the <see cref="PendingSignIn"/> cookie
/// that a right password set less than 5 minutes ago; without it, GET and POST go back to <c>/login</c>. A right code
/// from the authenticator app, or an unused recovery code, starts the session and goes to the return URL; a wrong one
/// shows one message and counts toward the lockout. POST is rate limited with POST /login.
/// </summary>
public sealed class LoginCodeModel(VerifyMfaSignIn verify, PendingSignIn pending) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Why the last code was refused; null before any.</summary>
    public string? Error { get; private set; }

    public IActionResult OnGet() => pending.Read(HttpContext) is null ? BackToLogin() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (pending.Read(HttpContext) is not { } state)
        {
            return BackToLogin();
        }

        var result = await verify.HandleAsync(state.UserId, state.Stamp, Code, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        Code = null;
        if (!result.Succeeded)
        {
            if (result.Failure!.Kind == FailureKind.Conflict)
            {
                return BackToLogin();
            }

            Error = result.Failure.Message;
            if (result.Failure.Message == Core.Features.Accounts.SignIn.Locked)
            {
                PendingSignIn.End(HttpContext);
            }

            return Page();
        }

        PendingSignIn.End(HttpContext);
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            PtrackClaims.For(result.Value!, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        return LocalRedirect(Url.IsLocalUrl(state.ReturnUrl) ? state.ReturnUrl : "/");
    }

    private LocalRedirectResult BackToLogin()
    {
        PendingSignIn.End(HttpContext);
        return LocalRedirect(PtrackAuthentication.LoginPath);
    }
}
