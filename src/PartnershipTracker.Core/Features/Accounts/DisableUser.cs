using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// Disables the user called <c>name</c>: they cannot sign in, their sessions are deleted now, and their API tokens
/// are refused from now on (sign-in and token checks look at <see cref="User.DisabledAt"/>). Sets a new security stamp and
/// writes the audit entry "user.disabled". Disabling a disabled user changes nothing. Failures: NotFound for an unknown
/// user, Conflict for the last enabled admin (someone must be left to manage users), Forbidden when the user is cleared above
/// the acting reader (<see cref="PtrackDbContext.Access"/>; the CLI may disable anyone).
/// </summary>
public sealed class DisableUser(PtrackDbContext db, IChangeActor actor, TimeProvider time)
{
    public async Task<Result<UserSummary>> HandleAsync(string? name, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, name, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (UserAccounts.RefuseActingOn(db.Access, user) is { } refused)
        {
            return refused;
        }

        if (user.DisabledAt is not null)
        {
            return UserSummary.Of(user);
        }

        if (user.Role == Role.Admin && !await UserAccounts.HasOtherAdminAsync(db, user, cancellationToken))
        {
            return Failure.Conflict($"'{user.Name}' is the last enabled admin; make another user admin first");
        }

        var now = time.GetUtcNow();
        user.DisabledAt = now;
        user.SecurityStamp = UserAccounts.NewSecurityStamp();
        var sessions = await UserAccounts.EndSessionsAsync(db, user, cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(now, actor.Name, "user.disabled", new { name = user.Name, sessionsEnded = sessions }, actor.RemoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return UserSummary.Of(user);
    }
}

/// <summary>
/// Enables a disabled user again: they may sign in and their API tokens that are not revoked work again. Sets a new
/// security stamp and writes the audit entry "user.enabled". Enabling an enabled user changes nothing. Failures:
/// NotFound for an unknown user, Forbidden when the user is cleared above the acting reader.
/// </summary>
public sealed class EnableUser(PtrackDbContext db, IChangeActor actor, TimeProvider time)
{
    public async Task<Result<UserSummary>> HandleAsync(string? name, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, name, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        if (UserAccounts.RefuseActingOn(db.Access, user) is { } refused)
        {
            return refused;
        }

        if (user.DisabledAt is null)
        {
            return UserSummary.Of(user);
        }

        user.DisabledAt = null;
        user.SecurityStamp = UserAccounts.NewSecurityStamp();
        db.AuditEntries.Add(AuditLog.Entry(time.GetUtcNow(), actor.Name, "user.enabled", new { name = user.Name }, actor.RemoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return UserSummary.Of(user);
    }
}
