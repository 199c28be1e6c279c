using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>Sets the password of the user called <see cref="Name"/>; a null <see cref="Password"/> means "generate one".</summary>
public sealed record ResetPasswordRequest(string? Name, string? Password = null);

/// <summary>The user after the reset, and the generated password (null when one was given): show it once, store it nowhere.</summary>
public sealed record PasswordReset(UserSummary User, string? GeneratedPassword);

/// <summary>
/// Sets a user's password (given, or generated with <see cref="Passwords.Generate"/>), clears a lockout and the count
/// of failed sign-ins, sets a new security stamp, ends the user's sessions and sets <see cref="Domain.User.MustChangePassword"/>
/// (the user must choose their own password before anything else: OWASP ASVS 5.0 6.4.1); writes the audit entry
/// "user.password-reset" (never the password). Failures: Invalid when the password breaks
/// <see cref="PasswordPolicy"/>, NotFound for an unknown user, Forbidden when the user is cleared above the
/// acting reader (<see cref="PtrackDbContext.Access"/>; the CLI may reset anyone).
/// </summary>
public sealed class ResetPassword(PtrackDbContext db, IChangeActor actor, TimeProvider time)
{
    public async Task<Result<PasswordReset>> HandleAsync(ResetPasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var generated = request.Password is null ? UserAccounts.GeneratePassword(request.Name?.Trim()) : null;
        var password = request.Password ?? generated!;
        var errors = new FieldErrors();
        UserAccounts.Password(errors, password, request.Name?.Trim());
        if (errors.Any)
        {
            return errors.ToFailure("password");
        }

        var found = await UserAccounts.FindAsync(db, request.Name, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (UserAccounts.RefuseActingOn(db.Access, user) is { } refused)
        {
            return refused;
        }

        user.PasswordHash = Passwords.Hash(password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.SecurityStamp = UserAccounts.NewSecurityStamp();
        // Someone else chose or saw this password: the user must choose their own at the next sign-in (ASVS 6.4.1).
        user.MustChangePassword = true;
        var sessions = await UserAccounts.EndSessionsAsync(db, user, cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(time.GetUtcNow(), actor.Name, "user.password-reset", new
        {
            name = user.Name,
            passwordGenerated = generated is not null,
            sessionsEnded = sessions,
        }, actor.RemoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordReset(UserSummary.Of(user), generated);
    }
}
