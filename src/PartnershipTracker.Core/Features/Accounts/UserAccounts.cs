using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// A user as lists and the CLI show them: never the password hash or the security stamp. <see cref="Clearance"/> is
/// the classification label ("NATO SECRET"), <see cref="Role"/> the role's name ("Admin").
/// </summary>
public sealed record UserSummary(
    int Id,
    string Name,
    Role Role,
    string Clearance,
    string? Nationality,
    string? Organisation,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? LockedUntil,
    bool MustChangePassword = false,
    DateTimeOffset? TotpEnabledAt = null)
{
    /// <summary>True when sign-in asks for a code from an authenticator app (two-factor sign-in is on).</summary>
    public bool MfaEnabled => TotpEnabledAt is not null;

    /// <summary>True when the user is disabled: they cannot sign in, and their sessions and API tokens do not work.</summary>
    public bool Disabled => DisabledAt is not null;

    internal static UserSummary Of(User user) => new(
        user.Id, user.Name, user.Role, Markings.Label(user.Clearance), user.Nationality, user.Organisation, user.CreatedAt, user.DisabledAt, user.LockedUntil,
        user.MustChangePassword, user.TotpEnabledAt);
}

/// <summary>
/// What the account handlers share: the rules of a user's fields (name, role, clearance, nationality,
/// organisation), finding a user by name, ending their sessions, and a new security stamp.
/// </summary>
internal static class UserAccounts
{
    /// <summary>Longest user name: 64 characters.</summary>
    public const int NameLength = 64;

    /// <summary>The noun of failure messages: "the user is not valid: …".</summary>
    public const string Noun = "user";

    /// <summary>The unique form of a name: upper-case, invariant culture.</summary>
    public static string NormalizeName(string name) => name.ToUpperInvariant();

    /// <summary>
    /// A user name: 1 to 64 ASCII letters, digits, dots, dashes or underscores (ASCII only, so that two names cannot
    /// look alike in different scripts). Adds "name: …" to <paramref name="errors"/> and returns null when it is not one.
    /// </summary>
    public static string? Name(FieldErrors errors, string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "name is required (1 to 64 letters, digits, dots, dashes or underscores)");
            return null;
        }

        if (name.Length > NameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors.Add("name", $"name: 1 to {NameLength} letters (A–Z), digits, dots, dashes or underscores (not '{FieldErrors.Shorten(name)}')");
            return null;
        }

        return name;
    }

    /// <summary>A role by name (viewer, contributor, reviewer, admin), case ignored.</summary>
    public static Role? Role(FieldErrors errors, string? value, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add("role", $"role is required; one of {RoleNames}");
            }

            return null;
        }

        foreach (var role in Enum.GetValues<Role>())
        {
            if (string.Equals(text, role.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        errors.Add("role", $"role must be one of {RoleNames} (not '{FieldErrors.Shorten(text)}')");
        return null;
    }

    /// <summary>A clearance written as a classification label ("NATO RESTRICTED", "nato-restricted", "NatoRestricted"); null when absent.</summary>
    public static Classification? Clearance(FieldErrors errors, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Markings.TryParseClassification(value, out var level))
        {
            return level;
        }

        errors.Add("clearance", $"clearance must be one of {string.Join(", ", Markings.All.Select(Markings.Label))} (not '{FieldErrors.Shorten(value.Trim())}')");
        return null;
    }

    /// <summary>
    /// A nationality: an assigned ISO 3166-1 alpha-3 code (<see cref="CountryCodes"/>), case ignored, stored upper-case.
    /// Blank means none: <paramref name="isSet"/> tells a given blank (clear it) from an absent value.
    /// </summary>
    public static string? Nationality(FieldErrors errors, string? value, out bool isSet)
    {
        isSet = value is not null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        if (CountryCodes.IsAlpha3(code))
        {
            return code;
        }

        errors.Add("nationality", $"nationality must be an ISO 3166-1 alpha-3 country code such as BIH or NOR (not '{FieldErrors.Shorten(value.Trim())}')");
        return null;
    }

    /// <summary>
    /// An organisation as a Releasable To list names it (<see cref="Markings.IsEntry"/>: 2 to 16 letters or digits,
    /// starting with a letter, e.g. NATO, EU), stored upper-case. Blank means none, as for <see cref="Nationality"/>.
    /// </summary>
    public static string? Organisation(FieldErrors errors, string? value, out bool isSet)
    {
        isSet = value is not null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var entry = value.Trim().ToUpperInvariant();
        if (Markings.IsEntry(entry))
        {
            return entry;
        }

        errors.Add("organisation", $"organisation must be 2 to 16 letters or digits starting with a letter, as in a Releasable To list (e.g. NATO, EU; not '{FieldErrors.Shorten(value.Trim())}')");
        return null;
    }

    /// <summary>Adds every message of <see cref="PasswordPolicy.Check(string?, string?)"/> for <paramref name="userName"/> under <paramref name="field"/>.</summary>
    public static void Password(FieldErrors errors, string password, string? userName, string field = PasswordPolicy.Field)
    {
        foreach (var message in PasswordPolicy.Check(password, userName))
        {
            errors.Add(field, field == PasswordPolicy.Field ? message : field + message[PasswordPolicy.Field.Length..]);
        }
    }

    /// <summary>
    /// A generated password (<see cref="Passwords.Generate"/>) that <see cref="PasswordPolicy"/> accepts for
    /// <paramref name="userName"/>: drawn again in the rare case that the random letters spell the user's name.
    /// </summary>
    public static string GeneratePassword(string? userName)
    {
        while (true)
        {
            var password = Passwords.Generate();
            if (PasswordPolicy.Check(password, userName).Count == 0)
            {
                return password;
            }
        }
    }

    /// <summary>The user called <paramref name="name"/> (case ignored), or a NotFound failure naming it.</summary>
    /// <summary>The user a change names, once its fields are valid: the field errors as a failure, NotFound for an unknown user.</summary>
    public static async Task<Result<User>> FindValidAsync(PtrackDbContext db, FieldErrors errors, string? name, CancellationToken cancellationToken) =>
        errors.Any ? errors.ToFailure(Noun) : await FindAsync(db, name, cancellationToken);

    /// <summary>
    /// Saves a change to what a user may do or see: a new security stamp, their sessions ended (they sign in again under
    /// the new rules), and one audit entry <paramref name="eventName"/> whose details <paramref name="details"/> builds from the
    /// number of sessions ended.
    /// </summary>
    public static async Task<UserSummary> SaveWithSessionsEndedAsync(
        PtrackDbContext db, User user, IChangeActor actor, DateTimeOffset at, string eventName, Func<int, object> details, CancellationToken cancellationToken)
    {
        user.SecurityStamp = NewSecurityStamp();
        var sessions = await EndSessionsAsync(db, user, cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(at, actor.Name, eventName, details(sessions), actor.RemoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return UserSummary.Of(user);
    }

    public static async Task<Result<User>> FindAsync(PtrackDbContext db, string? name, CancellationToken cancellationToken)
    {
        var given = name?.Trim() ?? string.Empty;
        if (given.Length == 0)
        {
            return Failure.Invalid("name is required", "name");
        }

        var normalized = NormalizeName(given);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedName == normalized, cancellationToken);
        return user is null ? Failure.NotFound($"user '{FieldErrors.Shorten(given)}' does not exist") : user;
    }

    /// <summary>
    /// True when the acting reader (<see cref="PtrackDbContext.Access"/>) may grant <paramref name="clearance"/>, or act
    /// on a user cleared so: only up to their own clearance (fresh-eyes review 6, F3: otherwise an admin cleared PUBLIC
    /// could raise their own clearance, or reset the password of a NATO SECRET admin and sign in as them). Unrestricted
    /// access (the CLI: whoever can open the database file can read it all) may do anything.
    /// </summary>
    public static bool MayHandle(RecordAccess access, Classification clearance) =>
        access.SeesAll || (!access.SeesNothing && clearance <= access.Clearance);

    /// <summary>Forbidden unless the acting reader may grant <paramref name="clearance"/> (<see cref="MayHandle"/>); null when they may.</summary>
    public static Failure? RefuseGrant(RecordAccess access, Classification clearance) =>
        MayHandle(access, clearance)
            ? null
            : Failure.Forbidden($"you may not grant the clearance {Markings.Label(clearance)}: it is above your own ({OwnClearance(access)})");

    /// <summary>Forbidden unless the acting reader is cleared at least as high as <paramref name="user"/> (<see cref="MayHandle"/>); null when they are.</summary>
    public static Failure? RefuseActingOn(RecordAccess access, User user) =>
        MayHandle(access, user.Clearance)
            ? null
            : Failure.Forbidden(
                $"user '{user.Name}' is cleared {Markings.Label(user.Clearance)}, above your own clearance ({OwnClearance(access)}): only someone cleared at least as high may change them");

    private static string OwnClearance(RecordAccess access) => access.SeesNothing ? "none" : Markings.Label(access.Clearance);

    /// <summary>True when another enabled admin than <paramref name="user"/> exists.</summary>
    public static Task<bool> HasOtherAdminAsync(PtrackDbContext db, User user, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id != user.Id && u.Role == Domain.Role.Admin && u.DisabledAt == null, cancellationToken);

    /// <summary>Deletes every server-side session of <paramref name="user"/> (they must sign in again); returns how many there were.</summary>
    public static Task<int> EndSessionsAsync(PtrackDbContext db, User user, CancellationToken cancellationToken) =>
        db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>A new random security stamp (32 hex characters), set on every security-relevant change.</summary>
    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>"Viewer, Contributor, Reviewer, Admin".</summary>
    public static string RoleNames => string.Join(", ", Enum.GetNames<Role>());
}
