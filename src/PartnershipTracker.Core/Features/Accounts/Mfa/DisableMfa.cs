using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// Turns the user's own two-factor sign-in off; it takes a current code from the authenticator app (not one used
/// before) or the account's password, so that someone at an unattended signed-in browser cannot. The secret and every
/// recovery code are deleted, the user gets a new security stamp and all their other sessions end (OWASP ASVS 5.0
/// 7.4.3; the caller renews the current browser's session with the new stamp). Audited "mfa.disabled"; a wrong proof "mfa.disable_failed", counted toward the
/// sign-in lockout like a wrong password.
/// </summary>
public sealed class DisableMfa(PtrackDbContext db, TimeProvider time, SecurityOptions security, TotpSecretProtector protector)
{
    /// <returns>The user (with the new stamp); Invalid (field "proof") when neither a right code nor the password was given; Conflict when it is already off.</returns>
    /// <param name="keepSessionId">The <see cref="Domain.UserSession.Id"/> of the browser making the change, which stays; null ends all.</param>
    public async Task<Result<Domain.User>> HandleAsync(
        string userName, string? proof, string? keepSessionId, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, userName, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (user.TotpEnabledAt is null || user.TotpSecret is null)
        {
            return Failure.Conflict("Two-factor sign-in is not on.");
        }

        var now = time.GetUtcNow();
        var byCode = TotpCodes.LooksLikeCode(proof, out _);
        if (!MfaAccounts.ProofIsRight(user, proof, now, protector))
        {
            var locked = MfaAccounts.CountFailure(user, now, security);
            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.disable_failed", new { userId = user.Id, locked }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return Failure.Invalid("Enter a current code from your authenticator app, or your password, to turn two-factor sign-in off.", "proof");
        }

        await MfaAccounts.TurnOffAsync(db, user, cancellationToken);
        user.SecurityStamp = UserAccounts.NewSecurityStamp();
        var sessionsEnded = await MfaAccounts.EndOtherSessionsAsync(db, user, keepSessionId, cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.disabled", new { userId = user.Id, proof = byCode ? "code" : "password", sessionsEnded }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
