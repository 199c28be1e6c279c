using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// Starts setting up an authenticator app (OWASP ASVS 5.0 6.3.3, RFC 6238): a new 20-byte random secret, kept
/// protected (<see cref="TotpSecretProtector"/>) on the user but not yet in force; <see cref="ConfirmMfaEnrolment"/>
/// turns it on once the app shows a right code. Beginning again replaces a pending secret. It takes the account's
/// password again (OWASP ASVS 5.0 7.5.1: re-authentication before changing how the user signs in); a wrong one is
/// counted toward the sign-in lockout. Audited "mfa.enrolment_started"; a wrong password "mfa.enrolment_failed".
/// </summary>
public sealed class BeginMfaEnrolment(PtrackDbContext db, TimeProvider time, SecurityOptions security, TotpSecretProtector protector)
{
    /// <returns>
    /// The secret and its <c>otpauth://</c> URI; Invalid (field "password") for a wrong password; NotFound for an
    /// unknown user; Conflict when two-factor sign-in is already on.
    /// </returns>
    public async Task<Result<MfaEnrolment>> HandleAsync(string userName, string? password, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, userName, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (user.TotpEnabledAt is not null)
        {
            return Failure.Conflict("Two-factor sign-in is already on; turn it off first to set up another authenticator app.");
        }

        var now = time.GetUtcNow();
        if (!MfaAccounts.ProofIsRight(user, password, now, null))
        {
            var locked = MfaAccounts.CountFailure(user, now, security);
            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.enrolment_failed", new { userId = user.Id, reason = "wrong password", locked }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return Failure.Invalid("Enter your password to set up an authenticator app.", "password");
        }

        var secret = TotpCodes.NewSecret();
        user.TotpSecret = protector.Protect(secret);
        user.LastTotpStep = null;
        db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.enrolment_started", new { userId = user.Id }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return new MfaEnrolment(secret, TotpCodes.KeyUri(user.Name, secret));
    }
}
