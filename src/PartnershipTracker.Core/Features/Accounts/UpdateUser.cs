using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// Changes what decides which records a user sees. A null field is left as it is; for <see cref="Nationality"/> and
/// <see cref="Organisation"/> an empty or blank text removes it. <see cref="Clearance"/> is a classification label
/// ("NATO RESTRICTED", "nato-restricted", "NatoRestricted").
/// </summary>
public sealed record UpdateUserRequest(string? Name, string? Clearance = null, string? Nationality = null, string? Organisation = null);

/// <summary>
/// Updates a user's clearance, nationality or organisation. When anything changed: a new security stamp, their
/// sessions ended (what they may see has changed), and the audit entry "user.updated" with each changed field
/// before and after. Failures: Invalid with a message per field, NotFound for an unknown user, Forbidden when the user is cleared above the acting reader
/// (<see cref="PtrackDbContext.Access"/>) or the new clearance would be (the CLI may do anything).
/// </summary>
public sealed class UpdateUser(PtrackDbContext db, IChangeActor actor, TimeProvider time)
{
    public async Task<Result<UserSummary>> HandleAsync(UpdateUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var clearance = UserAccounts.Clearance(errors, request.Clearance);
        var nationality = UserAccounts.Nationality(errors, request.Nationality, out var nationalityGiven);
        var organisation = UserAccounts.Organisation(errors, request.Organisation, out var organisationGiven);
        var found = await UserAccounts.FindValidAsync(db, errors, request.Name, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        var refused = UserAccounts.RefuseActingOn(db.Access, user) ?? (clearance is { } granted ? UserAccounts.RefuseGrant(db.Access, granted) : null);
        if (refused is not null)
        {
            return refused;
        }

        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (clearance is { } level && level != user.Clearance)
        {
            changes["clearance"] = new { before = Markings.Label(user.Clearance), after = Markings.Label(level) };
            user.Clearance = level;
        }

        if (nationalityGiven && nationality != user.Nationality)
        {
            changes["nationality"] = new { before = user.Nationality, after = nationality };
            user.Nationality = nationality;
        }

        if (organisationGiven && organisation != user.Organisation)
        {
            changes["organisation"] = new { before = user.Organisation, after = organisation };
            user.Organisation = organisation;
        }

        if (changes.Count == 0)
        {
            return UserSummary.Of(user);
        }

        return await UserAccounts.SaveWithSessionsEndedAsync(
            db, user, actor, time.GetUtcNow(), "user.updated", sessions => new { name = user.Name, changes, sessionsEnded = sessions }, cancellationToken);
    }
}
