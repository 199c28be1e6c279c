using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// Recovery codes for a lost authenticator app: <see cref="Count"/> codes of <see cref="Length"/> characters written
/// in groups of four (<c>xxxx-xxxx-xxxx-xxxx-xxxx-xxxx</c>), each character drawn by <see cref="RandomNumberGenerator"/>
/// from 31 lower-case letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i): about 119 bits each,
/// above the 112 bits with which OWASP ASVS 5.0 6.5.2 allows a plain hash instead of a password hash. Only their
/// SHA-256 is stored (<see cref="SecretTokens.Hash"/> of the canonical form); each works once.
/// </summary>
public static class RecoveryCodes
{
    /// <summary>How many codes a user gets at a time: 10.</summary>
    public const int Count = 10;

    /// <summary>Characters in a code: 24 (log2(31) × 24 ≈ 118.9 bits).</summary>
    public const int Length = 24;

    /// <summary>The characters a code is made of.</summary>
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>
    /// Replaces <paramref name="user"/>'s recovery codes (used or not) with <see cref="Count"/> new ones, added to
    /// <paramref name="db"/> (saved by the caller); returns the codes in clear, to be shown once.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReplaceAsync(PtrackDbContext db, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var codes = Enumerable.Range(0, Count).Select(_ => New()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(code => new RecoveryCode { UserId = user.Id, CodeHash = SecretTokens.Hash(code), CreatedAt = now }));
        return codes;
    }

    /// <summary>A new code, <c>xxxx-xxxx-xxxx-xxxx-xxxx-xxxx</c>.</summary>
    public static string New() => Grouped(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>
    /// The canonical form of a typed code: case ignored, spaces and dashes anywhere, so "ABCD EFGH JKMN …" and
    /// "abcd-efgh-jkmn-…" are the same code; null when it is not <see cref="Length"/> characters of <see cref="Alphabet"/>.
    /// </summary>
    public static string? Canonical(string? typed)
    {
        var text = new string((typed ?? string.Empty).Where(c => c is not (' ' or '-')).Select(char.ToLowerInvariant).ToArray());
        return text.Length == Length && text.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? Grouped(text) : null;
    }

    private static string Grouped(string text) => string.Join('-', text.Chunk(4).Select(group => new string(group)));
}
