namespace PartnershipTracker.Domain;

/// <summary>
/// A person who signs in. The password is stored only as a hash from a standard password hasher (PBKDF2 through
/// ASP.NET Core Identity's <c>PasswordHasher</c>); the name is unique regardless of case.
/// </summary>
public sealed class User
{
    public int Id { get; set; }

    /// <summary>The sign-in name as given: 1 to 64 letters, digits, dots, dashes or underscores.</summary>
    public required string Name { get; set; }

    /// <summary><see cref="Name"/> upper-cased (invariant culture), unique.</summary>
    public required string NormalizedName { get; set; }

    public required string PasswordHash { get; set; }

    public Role Role { get; set; } = Role.Viewer;

    /// <summary>The highest classification this user may see.</summary>
    public Classification Clearance { get; set; } = Classification.Public;

    /// <summary>ISO 3166-1 alpha-3 code of the user's nation ("BIH"), checked against Releasable To lists.</summary>
    public string? Nationality { get; set; }

    /// <summary>The organisation the user belongs to ("NATO"), checked against Releasable To lists.</summary>
    public string? Organisation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the user was disabled; a disabled user cannot sign in and their sessions and tokens stop working.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Failed sign-ins since the last success; reaching the lockout threshold locks the account.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Until when sign-in is refused after too many failures; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Changes whenever the password, role, clearance or state changes, so that older sessions can be told apart.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>
    /// The password was set by someone else (the generated first admin password, an admin's reset): the user must
    /// choose a new one before doing anything else (OWASP ASVS 5.0 6.4.1).
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The user's TOTP shared secret (RFC 6238: 20 random bytes, Base32), protected with the application's data
    /// protection keys; null when no authenticator app is set up.
    /// </summary>
    public string? TotpSecret { get; set; }

    /// <summary>When the user confirmed their authenticator app; from then on sign-in asks for a code. Null: not enrolled.</summary>
    public DateTimeOffset? TotpEnabledAt { get; set; }

    /// <summary>The RFC 6238 time step (30-second intervals since the Unix epoch) of the last code accepted, so that a code is used once.</summary>
    public long? LastTotpStep { get; set; }
}

/// <summary>
/// A single-use recovery code for multi-factor sign-in when the authenticator app is lost. Shown once when generated;
/// only its SHA-256 is kept.
/// </summary>
public sealed class RecoveryCode
{
    public int Id { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    /// <summary>Lower-case hex SHA-256 of the code (64 characters).</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the code was used; a used code is refused.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>
/// A signed-in browser session, kept on the server: the cookie carries only a random key whose SHA-256 is
/// <see cref="Id"/>. Signing out deletes the row, so a copied cookie stops working.
/// </summary>
public sealed class UserSession
{
    /// <summary>Lower-case hex SHA-256 of the cookie's session key (64 characters).</summary>
    public required string Id { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    /// <summary>The serialized authentication ticket (ASP.NET Core's ticket format), protected by the data protection keys.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// A user's API token, sent as <c>Authorization: Bearer ptk_…</c>. Shown once when created; only its SHA-256 is kept.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    /// <summary>What the owner called it ("ci export"); 1 to 100 characters.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token (64 characters), unique.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The token's first characters ("ptk_3f9a"), to tell tokens apart in lists without revealing them.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When the token was revoked; a revoked token is refused.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// One line of the append-only audit log (PRODUCT.md C9): record changes with their values before and after,
/// sign-ins (success and failure), token use, authorization denials, exports. Never updated or deleted: the database
/// refuses both (triggers in the migration that creates the table).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who: a user name, "cli", "ingest", "system", or "anonymous"; at most 200 characters.</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, as a dotted name: "record.created", "record.updated", "record.deleted", "record.restored",
    /// "record.submitted", "record.approved", "record.returned", "signin.succeeded", "signin.failed", "signin.locked",
    /// "signout", "token.created", "token.revoked", "token.used", "access.denied", "export", "user.created", ….</summary>
    public required string Event { get; set; }

    public RecordType? RecordType { get; set; }

    public int? RecordId { get; set; }

    /// <summary>The marking of the record the entry is about, when it is about one, so that reading the log keeps to the reader's clearance.</summary>
    public Classification Classification { get; set; }

    /// <summary>Canonical Releasable To text of that record (see <see cref="Markings"/>).</summary>
    public string ReleasableTo { get; set; } = string.Empty;

    /// <summary>The client's address for web requests; null from the CLI.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>A JSON object with the details: for record changes the fields <c>{"Name":{"before":…,"after":…}}</c> as in <see cref="ChangeRecord.Changes"/>.</summary>
    public required string Details { get; set; }
}
