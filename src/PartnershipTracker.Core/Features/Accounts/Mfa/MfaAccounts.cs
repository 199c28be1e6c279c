using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>What the two-factor handlers share: the messages, the lockout count and clearing a user's second factor.</summary>
internal static class MfaAccounts
{
    /// <summary>The one message for a wrong, expired or already used code (it does not say which).</summary>
    public const string WrongCode = "The code is not right. Enter the current code from your authenticator app, or one of your recovery codes.";

    /// <summary>
    /// Counts a failed code toward the same lockout as failed passwords (<see cref="SecurityOptions.LockoutFailures"/>
    /// in a row lock the account for <see cref="SecurityOptions.LockoutMinutes"/>); true when this failure locked it.
    /// </summary>
    public static bool CountFailure(User user, DateTimeOffset now, SecurityOptions security)
    {
        user.FailedSignIns++;
        if (user.FailedSignIns < security.LockoutFailures)
        {
            return false;
        }

        user.FailedSignIns = 0;
        user.LockedUntil = now.AddMinutes(security.LockoutMinutes);
        return true;
    }

    /// <summary>
    /// Re-authentication before a change to the second factor (OWASP ASVS 5.0 7.5.1): true when <paramref name="proof"/>
    /// is the user's password or, when <paramref name="protector"/> is given and the app is set up, a current code not
    /// used before (its step then becomes the last one used).
    /// </summary>
    public static bool ProofIsRight(User user, string? proof, DateTimeOffset now, TotpSecretProtector? protector)
    {
        proof ??= string.Empty;
        if (protector is not null
            && user.TotpEnabledAt is not null
            && user.TotpSecret is { } stored
            && TotpCodes.LooksLikeCode(proof, out var digits)
            && protector.Unprotect(stored) is { } secret
            && TotpCodes.MatchingStep(secret, digits, now) is { } step
            && (user.LastTotpStep is not { } last || step > last))
        {
            user.LastTotpStep = step;
            return true;
        }

        return Passwords.Verify(user.PasswordHash, proof);
    }

    /// <summary>Deletes every session of <paramref name="user"/> but <paramref name="keepSessionId"/> (the browser making the change); returns how many.</summary>
    public static Task<int> EndOtherSessionsAsync(PtrackDbContext db, User user, string? keepSessionId, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.UserId == user.Id && s.Id != keepSessionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>True when <paramref name="user"/> is locked at <paramref name="now"/>.</summary>
    public static bool IsLocked(User user, DateTimeOffset now) => user.LockedUntil is { } until && until > now;

    /// <summary>Turns two-factor sign-in off: the secret, the enrolment time, the last step and every recovery code go (saved by the caller).</summary>
    public static async Task TurnOffAsync(PtrackDbContext db, User user, CancellationToken cancellationToken)
    {
        user.TotpSecret = null;
        user.TotpEnabledAt = null;
        user.LastTotpStep = null;
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
