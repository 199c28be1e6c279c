using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// A new user. <see cref="Role"/> is required (viewer, contributor, reviewer, admin); <see cref="Clearance"/> is a
/// classification label and defaults to PUBLIC; <see cref="Nationality"/> is an ISO 3166-1 alpha-3 code;
/// <see cref="Organisation"/> a Releasable To organisation such as NATO. A null <see cref="Password"/> means
/// "generate one" (<see cref="Passwords.Generate"/>), returned once in <see cref="AddedUser.GeneratedPassword"/>.
/// </summary>
public sealed record AddUserRequest(string? Name, string? Role, string? Clearance = null, string? Nationality = null, string? Organisation = null, string? Password = null);

/// <summary>The user as stored, and the password that was generated for them (null when one was given).</summary>
public sealed record AddedUser(UserSummary User, string? GeneratedPassword);

/// <summary>
/// Adds a user, who must change the password at their first sign-in (<see cref="Domain.User.MustChangePassword"/>), and
/// writes the audit entry "user.created" (never the password). Failures: Invalid with a message per
/// field (name, role, clearance, nationality, organisation, password: see <see cref="PasswordPolicy"/>), Conflict
/// when a user of that name exists already, case ignored, Forbidden for a clearance above the acting reader's
/// (<see cref="PtrackDbContext.Access"/>; the CLI may grant any).
/// </summary>
public sealed class AddUser(PtrackDbContext db, IChangeActor actor, TimeProvider time)
{
    public async Task<Result<AddedUser>> HandleAsync(AddUserRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var name = UserAccounts.Name(errors, request.Name);
        var role = UserAccounts.Role(errors, request.Role, required: true);
        var clearance = UserAccounts.Clearance(errors, request.Clearance) ?? Classification.Public;
        var nationality = UserAccounts.Nationality(errors, request.Nationality, out _);
        var organisation = UserAccounts.Organisation(errors, request.Organisation, out _);
        var generated = request.Password is null ? UserAccounts.GeneratePassword(name) : null;
        var password = request.Password ?? generated!;
        UserAccounts.Password(errors, password, name ?? request.Name);
        if (errors.Any)
        {
            return errors.ToFailure(UserAccounts.Noun);
        }

        if (UserAccounts.RefuseGrant(db.Access, clearance) is { } refused)
        {
            return refused;
        }

        var normalized = UserAccounts.NormalizeName(name!);
        if (await db.Users.AnyAsync(u => u.NormalizedName == normalized, cancellationToken))
        {
            return Taken(name!);
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Name = name!,
            NormalizedName = normalized,
            PasswordHash = Passwords.Hash(password),
            Role = role!.Value,
            Clearance = clearance,
            Nationality = nationality,
            Organisation = organisation,
            CreatedAt = now,
            SecurityStamp = UserAccounts.NewSecurityStamp(),

            // The admin who added the user knows the password (given or generated): the user chooses their own.
            MustChangePassword = true,
        };
        db.Users.Add(user);
        db.AuditEntries.Add(AuditLog.Entry(now, actor.Name, "user.created", new
        {
            name = user.Name,
            role = user.Role.ToString(),
            clearance = Markings.Label(user.Clearance),
            nationality = user.Nationality,
            organisation = user.Organisation,
            passwordGenerated = generated is not null,
        }, actor.RemoteAddress));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same name between the check and the save; anything else is a bug.
            db.ChangeTracker.Clear();
            if (await db.Users.AnyAsync(u => u.NormalizedName == normalized, cancellationToken))
            {
                return Taken(name!);
            }

            throw;
        }

        return new AddedUser(UserSummary.Of(user), generated);
    }

    private static Failure Taken(string name) => Failure.Conflict($"a user named '{name}' exists already (names are compared ignoring case)");
}
