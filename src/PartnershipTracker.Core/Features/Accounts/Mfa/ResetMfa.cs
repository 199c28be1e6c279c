using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// <c>ptrack user reset-mfa NAME</c>: an administrator turns a user's two-factor sign-in off (a lost phone and lost
/// recovery codes), deleting the secret and every recovery code; the user signs in with the password alone and can
/// set up an app again (or must, when <see cref="SecurityOptions.RequireMfa"/> is on). Their sessions end and their
/// security stamp changes. Audited "mfa.reset" with the actor ("cli") and the user.
/// </summary>
public sealed class ResetMfa(PtrackDbContext db, TimeProvider time)
{
    /// <returns>The user; NotFound for an unknown name; Conflict when they have no authenticator app set up or begun.</returns>
    public async Task<Result<UserSummary>> HandleAsync(string? userName, string actor, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, userName, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (user.TotpSecret is null && user.TotpEnabledAt is null)
        {
            return Failure.Conflict($"user '{user.Name}' has no two-factor sign-in to reset");
        }

        await MfaAccounts.TurnOffAsync(db, user, cancellationToken);
        user.SecurityStamp = UserAccounts.NewSecurityStamp();
        var sessionsEnded = await UserAccounts.EndSessionsAsync(db, user, cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(time.GetUtcNow(), actor, "mfa.reset", new { userId = user.Id, user = user.Name, sessionsEnded }));
        await db.SaveChangesAsync(cancellationToken);
        return UserSummary.Of(user);
    }
}
