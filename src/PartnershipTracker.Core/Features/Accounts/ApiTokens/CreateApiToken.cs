using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts.ApiTokens;

/// <summary>A token just created: <see cref="Token"/> is the only time the secret is ever shown.</summary>
/// <param name="Id">The token's id, for revoking it.</param>
/// <param name="Name">What the owner called it.</param>
/// <param name="Prefix">The first <see cref="CreateApiToken.PrefixLength"/> characters, as token lists show them.</param>
/// <param name="Token">The whole token (<c>ptk_</c> and 43 base64url characters); only its SHA-256 is stored.</param>
public sealed record CreatedApiToken(int Id, string Name, string Prefix, string Token);

/// <summary>
/// Creates an API token for a user (issue 5): a new <see cref="SecretTokens.NewApiToken"/>, stored as its SHA-256
/// and its first characters; audited as "token.created". A disabled user gets none.
/// </summary>
public sealed class CreateApiToken(PtrackDbContext db, TimeProvider time)
{
    /// <summary>How many of a token's first characters are kept to tell it apart ("ptk_" and 8 more).</summary>
    public const int PrefixLength = 12;

    /// <summary>The longest token name, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The name of a token created without one.</summary>
    public const string DefaultName = "api token";

    /// <summary>Creates a token named <paramref name="name"/> (default <see cref="DefaultName"/>) for the user called <paramref name="userName"/>.</summary>
    /// <param name="actor">Who creates it, for the audit log (the user, or "cli").</param>
    /// <returns>The token, or NotFound for an unknown or disabled user, Invalid (field "name") for a name over 100 characters.</returns>
    public async Task<Result<CreatedApiToken>> HandleAsync(string userName, string? name, string actor, string? remoteAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        name = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        if (name.Length > MaxNameLength)
        {
            return Failure.Invalid($"The token name may be at most {MaxNameLength} characters.", "name");
        }

        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedName == normalized, cancellationToken);
        if (user is null || user.DisabledAt is not null)
        {
            return Failure.NotFound(user is null ? $"There is no user '{userName}'." : $"User '{user.Name}' is disabled.");
        }

        var secret = SecretTokens.NewApiToken();
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = name,
            TokenHash = SecretTokens.Hash(secret),
            Prefix = secret[..PrefixLength],
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(token.CreatedAt, actor, "token.created", new { user = user.Name, tokenId = token.Id, token.Prefix, token.Name }, remoteAddress));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(token.Id, token.Name, token.Prefix, secret);
    }
}
