using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// A signed-in user's change of their own password: <see cref="CurrentPassword"/> (required: a stolen session alone
/// cannot take over the account), <see cref="NewPassword"/> and <see cref="RepeatPassword"/> (typed twice, to catch a
/// typing mistake in a field that hides what is typed). <see cref="KeepSessionId"/> is the id of the session the change
/// is made from (<see cref="UserSession.Id"/>): it stays; every other session of the user ends.
/// </summary>
public sealed record ChangePasswordRequest(int UserId, string? CurrentPassword, string? NewPassword, string? RepeatPassword, string? KeepSessionId = null);

/// <summary>The user after the change (new password hash and security stamp) and how many other sessions of theirs ended.</summary>
public sealed record PasswordChanged(User User, int SessionsEnded);

/// <summary>
/// Changes a user's own password (OWASP ASVS 5.0 6.2.2, 6.2.3, 7.4.3). The current password must be right; the new one
/// must pass <see cref="PasswordPolicy"/> (with the user's name as a context word), equal its repeat and differ from the
/// current one. On success: the new hash, a new security stamp, <see cref="User.MustChangePassword"/> cleared, and
/// every session of the user deleted but <see cref="ChangePasswordRequest.KeepSessionId"/> (the web then renews that
/// session's ticket with the new stamp, so the browser that made the change stays signed in); API tokens keep working
/// (they are revoked on their own page). Audited "password.changed".
/// </summary>
/// <remarks>
/// A wrong current password counts as a failed sign-in (audited "password.change-failed"): after
/// <see cref="SecurityOptions.LockoutFailures"/> of them the account is locked as by <see cref="SignIn"/>, and while it
/// is locked a change is refused with <see cref="SignIn.Locked"/>, so a borrowed session cannot be used to guess the
/// password. Failures: Invalid with the fields "currentPassword", "newPassword", "repeatPassword"; NotFound when the
/// user no longer exists.
/// </remarks>
public sealed class ChangePassword(PtrackDbContext db, TimeProvider time, SecurityOptions security)
{
    /// <summary>The message for a wrong current password.</summary>
    public const string WrongCurrentPassword = "currentPassword: this is not your current password";

    /// <param name="request">Who and which passwords.</param>
    /// <param name="remoteAddress">The client's address for the audit log; null from the CLI.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<Result<PasswordChanged>> HandleAsync(ChangePasswordRequest request, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId && u.DisabledAt == null, cancellationToken);
        if (user is null)
        {
            return Failure.NotFound("this user no longer exists or is disabled");
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return Failure.Invalid(SignIn.Locked, "currentPassword");
        }

        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors.Add("currentPassword", "currentPassword is required");
        }

        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors.Add("newPassword", $"newPassword is required (at least {PasswordPolicy.MinLength} characters)");
        }
        else
        {
            UserAccounts.Password(errors, request.NewPassword, user.Name, "newPassword");
            // Compared as the hasher sees them (Unicode NFC): "é" typed precomposed once and decomposed once is the same password.
            if (!string.Equals(request.NewPassword.Normalize(System.Text.NormalizationForm.FormC), request.RepeatPassword?.Normalize(System.Text.NormalizationForm.FormC), StringComparison.Ordinal))
            {
                errors.Add("repeatPassword", "repeatPassword: not the same as the new password");
            }
        }

        if (errors.Any)
        {
            return errors.ToFailure("password");
        }

        if (!Passwords.Verify(user.PasswordHash, request.CurrentPassword!))
        {
            user.FailedSignIns++;
            var locked = user.FailedSignIns >= security.LockoutFailures;
            if (locked)
            {
                user.FailedSignIns = 0;
                user.LockedUntil = now.AddMinutes(security.LockoutMinutes);
            }

            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "password.change-failed", new { reason = "wrong current password", locked }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return Failure.Invalid(locked ? SignIn.Locked : WrongCurrentPassword, "currentPassword");
        }

        if (Passwords.Verify(user.PasswordHash, request.NewPassword!))
        {
            return Failure.Invalid("newPassword: the same as your current password; choose a new one", "newPassword");
        }

        var wasRequired = user.MustChangePassword;
        user.PasswordHash = Passwords.Hash(request.NewPassword!);
        user.SecurityStamp = UserAccounts.NewSecurityStamp();
        user.MustChangePassword = false;
        user.FailedSignIns = 0;
        var sessions = await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != request.KeepSessionId).ExecuteDeleteAsync(cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "password.changed", new { userId = user.Id, wasRequired, sessionsEnded = sessions }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordChanged(user, sessions);
    }
}
