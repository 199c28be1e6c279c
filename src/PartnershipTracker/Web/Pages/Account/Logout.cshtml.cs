using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Web.Pages.Account;

/// <summary>
/// <c>/logout</c>: POST only, with the antiforgery token of the header's Sign out form. Deletes the session on the
/// server (a copied cookie stops working), audits "signout" and goes to <c>/login</c>. GET answers 405.
/// </summary>
public sealed class LogoutModel(PtrackDbContext db, TimeProvider time) : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.Allow = "POST";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            db.AuditEntries.Add(AuditLog.Entry(time.GetUtcNow(), User.Identity.Name!, "signout", null, HttpContext.Connection.RemoteIpAddress?.ToString()));
            await db.SaveChangesAsync(cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/login");
    }
}
