using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// New recovery codes for a user with two-factor sign-in on: the old ones (used or not) stop working and
/// <see cref="RecoveryCodes.Count"/> new ones are shown once. It takes a current code from the app or the password
/// (OWASP ASVS 5.0 7.5.1); a wrong one is counted toward the sign-in lockout. Audited "mfa.recovery_codes_regenerated";
/// a wrong proof "mfa.recovery_codes_failed".
/// </summary>
public sealed class RegenerateRecoveryCodes(PtrackDbContext db, TimeProvider time, SecurityOptions security, TotpSecretProtector protector)
{
    /// <returns>
    /// The new codes in clear; Invalid (field "proof") for a wrong code or password; Conflict when two-factor sign-in
    /// is off; NotFound for an unknown user.
    /// </returns>
    public async Task<Result<IReadOnlyList<string>>> HandleAsync(string userName, string? proof, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, userName, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (user.TotpEnabledAt is null)
        {
            return Failure.Conflict("Two-factor sign-in is not on: there are no recovery codes to replace.");
        }

        var now = time.GetUtcNow();
        if (!MfaAccounts.ProofIsRight(user, proof, now, protector))
        {
            var locked = MfaAccounts.CountFailure(user, now, security);
            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.recovery_codes_failed", new { userId = user.Id, locked }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return Failure.Invalid("Enter a current code from your authenticator app, or your password, to make new recovery codes.", "proof");
        }

        var codes = await RecoveryCodes.ReplaceAsync(db, user, now, cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.recovery_codes_regenerated", new { userId = user.Id, recoveryCodes = codes.Count }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<string>>.Ok(codes);
    }
}
