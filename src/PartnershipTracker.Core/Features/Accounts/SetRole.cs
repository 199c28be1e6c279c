using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>Gives the user called <see cref="Name"/> the role <see cref="Role"/> (viewer, contributor, reviewer, admin).</summary>
public sealed record SetRoleRequest(string? Name, string? Role);

/// <summary>
/// Changes a user's role: a new security stamp, their sessions ended (they sign in again with the new role), and the
/// audit entry "user.role-changed" with the role before and after. Setting the role they have changes nothing and
/// writes nothing. Failures: Invalid for an unknown role, NotFound for an unknown user, Conflict when it would take
/// the admin role from the last enabled admin, Forbidden when the user is cleared above the acting reader
/// (<see cref="PtrackDbContext.Access"/>; the CLI may do anything).
/// </summary>
public sealed class SetRole(PtrackDbContext db, IChangeActor actor, TimeProvider time)
{
    public async Task<Result<UserSummary>> HandleAsync(SetRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var role = UserAccounts.Role(errors, request.Role, required: true);
        var found = await UserAccounts.FindValidAsync(db, errors, request.Name, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (UserAccounts.RefuseActingOn(db.Access, user) is { } refused)
        {
            return refused;
        }

        if (user.Role == role)
        {
            return UserSummary.Of(user);
        }

        if (user.Role == Role.Admin && user.DisabledAt is null && !await UserAccounts.HasOtherAdminAsync(db, user, cancellationToken))
        {
            return Failure.Conflict($"'{user.Name}' is the last enabled admin; make another user admin first");
        }

        var before = user.Role;
        user.Role = role!.Value;
        return await UserAccounts.SaveWithSessionsEndedAsync(db, user, actor, time.GetUtcNow(), "user.role-changed", sessions => new
        {
            name = user.Name,
            role = new { before = before.ToString(), after = user.Role.ToString() },
            sessionsEnded = sessions,
        }, cancellationToken);
    }
}
