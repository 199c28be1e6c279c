using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure.Authentication;

namespace PartnershipTracker.Web.Pages.Account;

/// <summary>
/// <c>/account</c>: the signed-in user's own account — name, role, clearance, nationality and organisation (what
/// decides which records they see and change) — and the links to their password, API tokens and two-factor sign-in.
/// Read from the claims, which are built afresh from the user row on every request.
/// </summary>
public sealed class IndexModel : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;

    /// <summary>The clearance as a classification label ("NATO SECRET").</summary>
    public string Clearance { get; private set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-3 code; null when none.</summary>
    public string? Nationality { get; private set; }

    public string? Organisation { get; private set; }

    public void OnGet()
    {
        Name = User.Identity?.Name ?? string.Empty;
        Role = User.RoleOf()?.ToString() ?? string.Empty;
        Clearance = Markings.Label(User.ClearanceOf());
        Nationality = User.FindFirstValue(PtrackClaims.Nationality);
        Organisation = User.FindFirstValue(PtrackClaims.Organisation);
    }
}
