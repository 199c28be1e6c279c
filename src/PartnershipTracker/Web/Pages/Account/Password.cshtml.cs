using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Web.Infrastructure;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Web.Pages.Account;

/// <summary>
/// <c>/account/password</c>: any signed-in user changes their own password (<see cref="ChangePassword"/>: the current
/// password, the new one twice). On success every other session of the user ends, this browser's session is renewed
/// with the new security stamp (it stays signed in), and it goes to <c>returnUrl</c> when it is a local path,
/// else back here with a confirmation. While the user must change their password every other page sends them here
/// (<see cref="PasswordChangeRequired"/>).
/// </summary>
public sealed class PasswordModel(ChangePassword change) : PageModel
{
    /// <summary>The page to go to after the change (a local path; anything else is ignored).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True when the user must change their password before anything else.</summary>
    public bool Required => User.FindFirst(PtrackClaims.MustChangePassword) is not null;

    /// <summary>True on the page shown after a successful change.</summary>
    public bool Changed { get; private set; }

    /// <summary>Why the last attempt was refused, one message per rule.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet([FromQuery] bool changed = false)
    {
        Changed = changed;
        Response.Headers.CacheControl = "no-store";
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? repeatPassword, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null)
        {
            return Challenge();
        }

        var result = await change.HandleAsync(
            new ChangePasswordRequest(userId.Value, currentPassword, newPassword, repeatPassword, HttpContext.Items[SessionTicketStore.CurrentSessionItem] as string),
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Failure!.Kind != FailureKind.Invalid)
            {
                return this.Failed(result.Failure);
            }

            Errors = result.Failure.Fields?.Values.SelectMany(messages => messages).ToList() ?? [result.Failure.Message];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Every other session of the user ended with the change; this one is renewed with the new security stamp.
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            PtrackClaims.For(result.Value!.User, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        return !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/login", StringComparison.OrdinalIgnoreCase)
            ? LocalRedirect(ReturnUrl)
            : LocalRedirect("/account/password?changed=true");
    }
}
