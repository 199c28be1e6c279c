using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// Turns two-factor sign-in on once the user's authenticator app gives a right code for the secret of
/// <see cref="BeginMfaEnrolment"/> (proof that the app holds it): <see cref="Domain.User.TotpEnabledAt"/> is set, the
/// code's step becomes the last one used, and <see cref="RecoveryCodes.Count"/> new recovery codes are made. The user
/// gets a new security stamp and all their other sessions end (OWASP ASVS 5.0 7.4.3: a session someone else opened with
/// the password alone does not survive); the caller renews the current browser's session with the new stamp. Audited "mfa.enabled"; a wrong
/// code "mfa.enrolment_failed".
/// </summary>
public sealed class ConfirmMfaEnrolment(PtrackDbContext db, TimeProvider time, TotpSecretProtector protector)
{
    /// <returns>
    /// The user (with the new stamp) and the recovery codes in clear, to be shown this once; Invalid (field "code") for a wrong code; Conflict when
    /// nothing was begun or two-factor sign-in is already on; NotFound for an unknown user.
    /// </returns>
    /// <param name="keepSessionId">The <see cref="Domain.UserSession.Id"/> of the browser making the change, which stays; null ends all.</param>
    public async Task<Result<MfaTurnedOn>> HandleAsync(
        string userName, string? code, string? keepSessionId, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, userName, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (user.TotpEnabledAt is not null)
        {
            return Failure.Conflict("Two-factor sign-in is already on.");
        }

        if (user.TotpSecret is null || protector.Unprotect(user.TotpSecret) is not { } secret)
        {
            return Failure.Conflict("Set up an authenticator app first: no setup is in progress.");
        }

        var now = time.GetUtcNow();
        if (TotpCodes.MatchingStep(secret, code ?? string.Empty, now) is not { } step)
        {
            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.enrolment_failed", new { userId = user.Id, reason = "wrong code" }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return Failure.Invalid("The code is not right. Enter the 6-digit code your authenticator app shows now.", "code");
        }

        user.TotpEnabledAt = now;
        user.LastTotpStep = step;
        user.SecurityStamp = UserAccounts.NewSecurityStamp();
        var sessionsEnded = await MfaAccounts.EndOtherSessionsAsync(db, user, keepSessionId, cancellationToken);
        var codes = await RecoveryCodes.ReplaceAsync(db, user, now, cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.enabled", new { userId = user.Id, recoveryCodes = codes.Count, sessionsEnded }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return new MfaTurnedOn(user, codes);
    }
}

/// <summary>Two-factor sign-in just turned on: the user (new security stamp) and their recovery codes in clear.</summary>
public sealed record MfaTurnedOn(Domain.User User, IReadOnlyList<string> RecoveryCodes);
