using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// Checks a sign-in name and password (issue 5, PRODUCT.md C9). A wrong password, an unknown name and a disabled user
/// all get the same <see cref="WrongNameOrPassword"/> message, and an unknown name still spends the time of one
/// password hash, so neither the answer nor its timing tells whether a name exists. After
/// <see cref="SecurityOptions.LockoutFailures"/> consecutive failures the account is locked for
/// <see cref="SecurityOptions.LockoutMinutes"/>: every sign-in is then refused with <see cref="Locked"/>, whether the
/// password is right or not. Every attempt is audited: "signin.succeeded", "signin.failed" or "signin.locked",
/// with the name tried as the actor (capped at 200 characters) and the client's address. A right password whose hash
/// is weaker than a new one (fewer than <see cref="Passwords.IterationCount"/> iterations) is hashed again and stored.
/// For a user with two-factor sign-in on, a right password is only the first step ("signin.password_accepted"): the
/// caller must then ask for a code (<see cref="Mfa.VerifyMfaSignIn"/>) before starting a session.
/// </summary>
public sealed class SignIn(PtrackDbContext db, TimeProvider time, SecurityOptions security)
{
    /// <summary>The one message for every refused sign-in except a locked account.</summary>
    public const string WrongNameOrPassword = "The name or password is not right.";

    /// <summary>The message while an account is locked; it does not say whether the password was right.</summary>
    public const string Locked = "This account is locked after too many failed sign-ins; try again later.";

    /// <summary>A hash of a password nobody has, verified for unknown names so that they take as long as known ones.</summary>
    private static readonly Lazy<string> DummyHash = new(() => Passwords.Hash(Passwords.Generate()));

    /// <summary>Checks <paramref name="name"/> (case-insensitive) and <paramref name="password"/>.</summary>
    /// <param name="remoteAddress">The client's address, for the audit log; null from the CLI.</param>
    /// <returns>The signed-in user, or an Invalid failure with the message for the form (field "password").</returns>
    public async Task<Result<User>> HandleAsync(string? name, string? password, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        name = (name ?? string.Empty).Trim();
        password ??= string.Empty;
        var actor = name.Length == 0 ? "anonymous" : name;
        var now = time.GetUtcNow();
        var normalized = name.ToUpperInvariant();
        var user = name.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedName == normalized, cancellationToken);
        if (user is null)
        {
            _ = Passwords.Verify(DummyHash.Value, password);
            return await RefuseAsync(actor, "signin.failed", "unknown name", remoteAddress, now, WrongNameOrPassword, cancellationToken);
        }

        var verification = Passwords.Check(user.PasswordHash, password);
        var passwordRight = verification != Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed;
        if (user.LockedUntil is { } until && until > now)
        {
            return await RefuseAsync(actor, "signin.locked", "locked", remoteAddress, now, Locked, cancellationToken);
        }

        if (user.DisabledAt is not null)
        {
            return await RefuseAsync(actor, "signin.failed", "disabled", remoteAddress, now, WrongNameOrPassword, cancellationToken);
        }

        if (!passwordRight)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= security.LockoutFailures)
            {
                user.FailedSignIns = 0;
                user.LockedUntil = now.AddMinutes(security.LockoutMinutes);
                return await RefuseAsync(actor, "signin.locked", "wrong password; locked until " + user.LockedUntil.Value.ToString("O"), remoteAddress, now, Locked, cancellationToken);
            }

            return await RefuseAsync(actor, "signin.failed", "wrong password", remoteAddress, now, WrongNameOrPassword, cancellationToken);
        }

        if (verification == Microsoft.AspNetCore.Identity.PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Made with fewer iterations than Passwords.IterationCount (or an older format): stored again at today's strength.
            user.PasswordHash = Passwords.Hash(password);
        }

        if (user.TotpEnabledAt is not null)
        {
            // Half-way: the failure count stays until the second factor is right too, so that a known password
            // cannot reset the count between guesses at codes (Mfa.VerifyMfaSignIn).
            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "signin.password_accepted", new { userId = user.Id, next = "code" }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "signin.succeeded", new { userId = user.Id }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    private async Task<Result<User>> RefuseAsync(
        string actor, string eventName, string reason, string? remoteAddress, DateTimeOffset now, string message, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditLog.Entry(now, actor, eventName, new { reason }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return Failure.Invalid(message, "password");
    }
}
