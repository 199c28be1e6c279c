using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Accounts.Mfa;
using PartnershipTracker.Web.Infrastructure;
using PartnershipTracker.Web.Infrastructure.Authentication;
using QRCoder;

namespace PartnershipTracker.Web.Pages.Account;

/// <summary>
/// <c>/account/mfa</c>: the signed-in user's two-factor sign-in (ADR 0020). Off: "Set up" begins an enrolment and
/// shows the QR code (a PNG in a <c>data:</c> URI, which the CSP's <c>img-src 'self' data:</c> allows; no script), the
/// secret as text for typing into the app, and the <c>otpauth://</c> URI; a right code from the app turns it on and
/// shows the 10 recovery codes this once. Beginning takes the password again; new recovery codes and turning it off
/// take a current code or the password (re-authentication, OWASP ASVS 5.0 7.5.1).
/// Every answer is <c>Cache-Control: no-store</c> (it may carry a secret or recovery codes).
/// </summary>
public sealed class MfaModel(
    ShowMfa show, BeginMfaEnrolment begin, ConfirmMfaEnrolment confirm, RegenerateRecoveryCodes regenerate, DisableMfa disable) : PageModel
{
    public MfaStatus Status { get; private set; } = new(null, 0, null);

    /// <summary>Recovery codes just made: shown on this one response and never again.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    /// <summary>The QR code of the pending enrolment's URI as a <c>data:image/png;base64,…</c> URI; null when none is pending.</summary>
    public string? QrCode { get; private set; }

    /// <summary>A confirmation line (turned off …); null when none.</summary>
    public string? Done { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>A current code or the password, to make new recovery codes or turn two-factor sign-in off.</summary>
    [BindProperty]
    public string? Proof { get; set; }

    /// <summary>The password, to begin setting up an app.</summary>
    [BindProperty]
    public string? Password { get; set; }

    private string UserName => User.Identity!.Name!;

    private string? RemoteAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostBeginAsync(CancellationToken cancellationToken)
    {
        var result = await begin.HandleAsync(UserName, Password, RemoteAddress, cancellationToken);
        Password = null;
        return result.Succeeded ? await ShowAsync(cancellationToken) : await Refused(result.Failure!, cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var result = await confirm.HandleAsync(UserName, Code, CurrentSession.IdOf(HttpContext), RemoteAddress, cancellationToken);
        Code = null;
        if (!result.Succeeded)
        {
            return await Refused(result.Failure!, cancellationToken);
        }

        NewRecoveryCodes = result.Value!.RecoveryCodes;
        await SignInAgainAsync(result.Value.User);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken cancellationToken)
    {
        var result = await regenerate.HandleAsync(UserName, Proof, RemoteAddress, cancellationToken);
        Proof = null;
        if (!result.Succeeded)
        {
            return await Refused(result.Failure!, cancellationToken);
        }

        NewRecoveryCodes = result.Value;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var result = await disable.HandleAsync(UserName, Proof, CurrentSession.IdOf(HttpContext), RemoteAddress, cancellationToken);
        Proof = null;
        if (!result.Succeeded)
        {
            return await Refused(result.Failure!, cancellationToken);
        }

        await SignInAgainAsync(result.Value!);
        Done = "Two-factor sign-in is off: you sign in with your password alone. Your recovery codes no longer work.";
        return await ShowAsync(cancellationToken);
    }

    /// <summary>
    /// This browser's session with the user's new security stamp (the cookie handler renews the session row it came
    /// with): turning the second factor on or off ended the user's other sessions and changed the stamp (ADR 0020).
    /// </summary>
    private Task SignInAgainAsync(Domain.User user) =>
        HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            PtrackClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });

    /// <summary>A wrong code or password shows its message on the page, as /login does; anything else goes to the error page.</summary>
    private async Task<IActionResult> Refused(Failure failure, CancellationToken cancellationToken)
    {
        if (failure.Kind != FailureKind.Invalid)
        {
            return this.Failed(failure);
        }

        Error = failure.Message;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var status = await show.HandleAsync(UserName, cancellationToken);
        if (!status.Succeeded)
        {
            return this.Failed(status.Failure!);
        }

        Status = status.Value!;
        QrCode = Status.Pending is { } pending ? QrDataUri(pending.KeyUri) : null;
        return Page();
    }

    /// <summary>A PNG QR code (error correction M, 5 pixels a module) of <paramref name="text"/> as a <c>data:</c> URI.</summary>
    private static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
