using System.Globalization;
using System.Security.Claims;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// The claims of a signed-in user: id, name, role, clearance, nationality, organisation and security stamp. Built
/// afresh from the <see cref="User"/> row on every request (see <see cref="PtrackAuthentication"/>), so a changed role
/// or clearance counts at once.
/// </summary>
public static class PtrackClaims
{
    /// <summary>The claim type of the user's <see cref="Classification"/> (its enum name).</summary>
    public const string Clearance = "ptrack:clearance";

    /// <summary>The claim type of the user's nationality (ISO 3166-1 alpha-3).</summary>
    public const string Nationality = "ptrack:nationality";

    /// <summary>The claim type of the user's organisation.</summary>
    public const string Organisation = "ptrack:organisation";

    /// <summary>The claim type of <see cref="User.SecurityStamp"/> at sign-in; a session whose stamp no longer matches ends.</summary>
    public const string SecurityStamp = "ptrack:stamp";

    /// <summary>Present ("true") while <see cref="User.MustChangePassword"/> is set: see <see cref="PasswordChangeRequired"/>.</summary>
    public const string MustChangePassword = "ptrack:must-change-password";

    /// <summary>Present ("true") while the user has two-factor sign-in on (<see cref="User.TotpEnabledAt"/>): see <see cref="RequireMfa"/>.</summary>
    public const string MfaEnabled = "ptrack:mfa";

    /// <summary>The principal of <paramref name="user"/> for <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal For(User user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(Clearance, user.Clearance.ToString()),
            new(SecurityStamp, user.SecurityStamp),
        };
        if (!string.IsNullOrWhiteSpace(user.Nationality))
        {
            claims.Add(new(Nationality, user.Nationality));
        }

        if (!string.IsNullOrWhiteSpace(user.Organisation))
        {
            claims.Add(new(Organisation, user.Organisation));
        }

        if (user.MustChangePassword)
        {
            claims.Add(new(MustChangePassword, "true"));
        }

        if (user.TotpEnabledAt is not null)
        {
            claims.Add(new(MfaEnabled, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The user id of a signed-in principal; null when anonymous.</summary>
    public static int? UserId(this ClaimsPrincipal principal) =>
        principal?.Identity?.IsAuthenticated == true
        && int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>The role of a signed-in principal; null when anonymous.</summary>
    public static Role? RoleOf(this ClaimsPrincipal principal) =>
        principal?.Identity?.IsAuthenticated == true && Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    /// <summary>The clearance of a signed-in principal; PUBLIC when absent.</summary>
    public static Classification ClearanceOf(this ClaimsPrincipal principal) =>
        Enum.TryParse<Classification>(principal?.FindFirstValue(Clearance), out var clearance) ? clearance : Classification.Public;
}
