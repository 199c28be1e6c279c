using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// Starts setting up an authenticator app (OWASP ASVS 5.0 6.3.3, RFC 6238): a new 20-byte random secret, kept
/// protected (<see cref="TotpSecretProtector"/>) on the user but not yet in force; <see cref="ConfirmMfaEnrolment"/>
/// turns it on once the app shows a right code. Beginning again replaces a pending secret. Audited
/// "mfa.enrolment_started".
/// </summary>
public sealed class BeginMfaEnrolment(PtrackDbContext db, TimeProvider time, TotpSecretProtector protector)
{
    /// <returns>The secret and its <c>otpauth://</c> URI; NotFound for an unknown user; Conflict when two-factor sign-in is already on.</returns>
    public async Task<Result<MfaEnrolment>> HandleAsync(string userName, string? remoteAddress, CancellationToken cancellationToken = default)
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

        var secret = TotpCodes.NewSecret();
        user.TotpSecret = protector.Protect(secret);
        user.LastTotpStep = null;
        db.AuditEntries.Add(AuditLog.Entry(time.GetUtcNow(), user.Name, "mfa.enrolment_started", new { userId = user.Id }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return new MfaEnrolment(secret, TotpCodes.KeyUri(user.Name, secret));
    }
}
