using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>The first admin, created because there was no user at all; <see cref="Password"/> is shown once and stored nowhere.</summary>
public sealed record FirstAdmin(string Name, string Password);

/// <summary>
/// There is no default password: when <c>ptrack serve</c> starts on a database without any user, this creates
/// <see cref="Name"/> ("admin") with the role Admin, clearance NATO SECRET (the highest level ptrack holds), no
/// nationality, organisation NATO (so that records Releasable To NATO are visible to them), and a random password
/// (<see cref="Passwords.Generate"/>: 20 characters, about 115 bits). Writes the audit entry "user.created" with
/// actor "system" and <c>firstAdmin: true</c>. The admin must change that password at the first sign-in
/// (<see cref="User.MustChangePassword"/>). With any user present (even a disabled one) it does nothing.
/// </summary>
public sealed class CreateFirstAdmin(PtrackDbContext db, TimeProvider time)
{
    /// <summary>The first admin's name.</summary>
    public const string Name = "admin";

    /// <summary>The first admin's organisation.</summary>
    public const string Organisation = "NATO";

    /// <returns>The new admin and their password; null when the database has users already.</returns>
    public async Task<FirstAdmin?> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }

        var password = UserAccounts.GeneratePassword(Name);
        var now = time.GetUtcNow();
        var admin = new User
        {
            Name = Name,
            NormalizedName = UserAccounts.NormalizeName(Name),
            PasswordHash = Passwords.Hash(password),
            Role = Role.Admin,
            Clearance = Classification.NatoSecret,
            Organisation = Organisation,
            CreatedAt = now,
            SecurityStamp = UserAccounts.NewSecurityStamp(),
            // The password was printed on the console: the admin must replace it at the first sign-in (ASVS 6.4.1).
            MustChangePassword = true,
        };
        db.Users.Add(admin);
        db.AuditEntries.Add(AuditLog.Entry(now, Data.History.ChangeActor.System, "user.created", new
        {
            name = admin.Name,
            role = admin.Role.ToString(),
            clearance = Markings.Label(admin.Clearance),
            nationality = (string?)null,
            organisation = admin.Organisation,
            passwordGenerated = true,
            firstAdmin = true,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance started at the same moment created it (the name is unique): theirs prints the password.
            db.ChangeTracker.Clear();
            return null;
        }

        return new FirstAdmin(admin.Name, password);
    }
}
