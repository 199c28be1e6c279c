using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// The second step of signing in for a user with two-factor sign-in on (OWASP ASVS 5.0 6.3.3, 6.5.x): after a right
/// password (<see cref="SignIn"/>), a code from the authenticator app or an unused recovery code. A code is accepted
/// in its own 30-second step or one either side, and only in a step later than the last one accepted (a code used
/// once, even within its 90 seconds, is refused: replay). A recovery code works once. A wrong or replayed code
/// counts toward the same lockout as a wrong password and is audited "signin.mfa_failed" ("signin.locked" when it
/// locks the account); success is audited "signin.succeeded" (with "mfa.recovery_used" before it for a recovery code)
/// and clears the failure count.
/// </summary>
public sealed class VerifyMfaSignIn(PtrackDbContext db, TimeProvider time, SecurityOptions security, TotpSecretProtector protector)
{
    /// <param name="userId">The user whose password was right.</param>
    /// <param name="securityStamp">Their security stamp at that moment: a password change or reset since then voids the attempt.</param>
    /// <param name="code">Six digits from the app, or a recovery code (<c>xxxx-xxxx-…</c>, 24 characters; case, spaces and dashes ignored).</param>
    /// <param name="remoteAddress">The client's address, for the audit log.</param>
    /// <returns>
    /// The signed-in user; Invalid (field "code") with <see cref="MfaAccounts.WrongCode"/> or <see cref="SignIn.Locked"/>;
    /// Conflict when the attempt is void (the user is gone, disabled, has a new security stamp or no second factor).
    /// </returns>
    public async Task<Result<User>> HandleAsync(int userId, string securityStamp, string? code, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.DisabledAt is not null || user.SecurityStamp != securityStamp || user.TotpEnabledAt is null || user.TotpSecret is null)
        {
            return Failure.Conflict("This sign-in is no longer valid; sign in again.");
        }

        if (MfaAccounts.IsLocked(user, now))
        {
            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "signin.locked", new { reason = "locked", step = "code" }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return Failure.Invalid(SignIn.Locked, "code");
        }

        string? factor = null;
        if (TotpCodes.LooksLikeCode(code, out var digits))
        {
            var secret = protector.Unprotect(user.TotpSecret);
            if (secret is not null && TotpCodes.MatchingStep(secret, digits, now) is { } step)
            {
                if (user.LastTotpStep is { } last && step <= last)
                {
                    return await RefuseAsync(user, "replayed code", now, remoteAddress, cancellationToken);
                }

                user.LastTotpStep = step;
                factor = "authenticator app";
            }
        }
        else if (RecoveryCodes.Canonical(code) is { } recovery)
        {
            var hash = SecretTokens.Hash(recovery);
            var stored = await db.RecoveryCodes.SingleOrDefaultAsync(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAt == null, cancellationToken);
            if (stored is not null)
            {
                stored.UsedAt = now;
                var left = await db.RecoveryCodes.CountAsync(c => c.UserId == user.Id && c.UsedAt == null, cancellationToken) - 1;
                db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "mfa.recovery_used", new { userId = user.Id, recoveryCodesLeft = left }, remoteAddress));
                factor = "recovery code";
            }
        }

        if (factor is null)
        {
            return await RefuseAsync(user, "wrong code", now, remoteAddress, cancellationToken);
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "signin.succeeded", new { userId = user.Id, secondFactor = factor }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    private async Task<Result<User>> RefuseAsync(User user, string reason, DateTimeOffset now, string? remoteAddress, CancellationToken cancellationToken)
    {
        var locked = MfaAccounts.CountFailure(user, now, security);
        db.AuditEntries.Add(AuditLog.Entry(
            now,
            user.Name,
            locked ? "signin.locked" : "signin.mfa_failed",
            locked ? new { reason, lockedUntil = user.LockedUntil } : new { reason },
            remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return Failure.Invalid(locked ? SignIn.Locked : MfaAccounts.WrongCode, "code");
    }
}
