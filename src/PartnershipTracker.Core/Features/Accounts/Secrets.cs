using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>
/// Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512,
/// <see cref="IterationCount"/> iterations, 128-bit salt, in Identity's version-3 format): a standard hasher, not our
/// own. The password is hashed and verified in its Unicode NFC form (see <see cref="PasswordPolicy"/>), so that a
/// passphrase with accents verifies whichever way the keyboard composed them.
/// </summary>
public static class Passwords
{
    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations of a new hash: 210,000, the OWASP Password Storage Cheat Sheet's figure for
    /// PBKDF2-HMAC-SHA512 (OWASP ASVS 5.0 11.4.2). Identity's default is 100,000; a hash made with fewer iterations
    /// still verifies and is made again at the next successful sign-in (<see cref="Check"/>).
    /// </summary>
    public const int IterationCount = 210_000;

    private static readonly PasswordHasher<User> Hasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = IterationCount }));

    /// <summary>The stored form of <paramref name="password"/>; a new random salt every call.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var normalized = PasswordPolicy.Normalize(password) ?? throw new ArgumentException("The password is not valid UTF-16 (an unpaired surrogate); check it with PasswordPolicy first.", nameof(password));
        return Hasher.HashPassword(null!, normalized);
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/> (constant-time comparison inside the hasher).</summary>
    public static bool Verify(string hash, string password) => Check(hash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="hash"/>: Failed, Success, or SuccessRehashNeeded when
    /// it matches but the hash is weaker than a new one (fewer than <see cref="IterationCount"/> iterations, or
    /// Identity's older version-2 format): then store <see cref="Hash"/> of the password in its place.
    /// </summary>
    public static PasswordVerificationResult Check(string hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        return PasswordPolicy.Normalize(password) is { } normalized
            ? Hasher.VerifyHashedPassword(null!, hash, normalized)
            : PasswordVerificationResult.Failed;
    }

    /// <summary>A random password of 20 characters from 55 unambiguous letters and digits (about 115 bits), for the first admin and resets.</summary>
    public static string Generate() => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 20);
}

/// <summary>
/// API tokens and session keys: 256 random bits, written base64url; only their SHA-256 is stored, so a stolen
/// database does not yield working tokens.
/// </summary>
public static class SecretTokens
{
    /// <summary>What every API token starts with, so that one found in a log or a repository is recognisable.</summary>
    public const string ApiTokenPrefix = "ptk_";

    /// <summary>A new API token: <c>ptk_</c> followed by 43 base64url characters (256 bits).</summary>
    public static string NewApiToken() => ApiTokenPrefix + NewKey();

    /// <summary>A new random key of 256 bits as 43 base64url characters (session keys).</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of <paramref name="secret"/>'s UTF-8 bytes: what is stored and looked up.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
