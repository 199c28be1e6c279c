using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts.ApiTokens;

/// <summary>
/// Revokes one of a user's API tokens, named by its id or by its prefix as lists show it (<c>ptk_3f9aK2xQ</c>); a
/// revoked token is refused from then on. Only the owner or an admin may revoke; audited as "token.revoked".
/// Revoking a token already revoked changes nothing and succeeds.
/// </summary>
public sealed class RevokeApiToken(PtrackDbContext db, TimeProvider time)
{
    /// <param name="ownerName">The token's owner.</param>
    /// <param name="idOrPrefix">The token's id (digits) or the start of the token (at least "ptk_" and 4 characters).</param>
    /// <param name="byName">Who revokes it, for the audit log.</param>
    /// <param name="byRole">Their role: an admin may revoke anyone's token; others only their own.</param>
    /// <returns>The token as revoked; NotFound when the owner has no such token (or the revoker may not see it), Conflict when a prefix matches several.</returns>
    public async Task<Result<ApiTokenRow>> HandleAsync(
        string ownerName, string idOrPrefix, string byName, Role byRole, string? remoteAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerName);
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        ArgumentNullException.ThrowIfNull(byName);
        var normalized = ownerName.Trim().ToUpperInvariant();
        var owner = await db.Users.SingleOrDefaultAsync(u => u.NormalizedName == normalized, cancellationToken);
        if (owner is null || (byRole < Role.Admin && !string.Equals(owner.Name, byName, StringComparison.OrdinalIgnoreCase)))
        {
            return Failure.NotFound($"There is no user '{ownerName}'.");
        }

        idOrPrefix = idOrPrefix.Trim();
        List<ApiToken> matches;
        if (int.TryParse(idOrPrefix, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            matches = await db.ApiTokens.Where(t => t.UserId == owner.Id && t.Id == id).ToListAsync(cancellationToken);
        }
        else if (idOrPrefix.StartsWith(SecretTokens.ApiTokenPrefix, StringComparison.Ordinal) && idOrPrefix.Length >= SecretTokens.ApiTokenPrefix.Length + 4)
        {
            var start = idOrPrefix.Length > CreateApiToken.PrefixLength ? idOrPrefix[..CreateApiToken.PrefixLength] : idOrPrefix;
            var tokens = await db.ApiTokens.Where(t => t.UserId == owner.Id).ToListAsync(cancellationToken);
            matches = tokens.Where(t => t.Prefix.StartsWith(start, StringComparison.Ordinal)).ToList();
        }
        else
        {
            return Failure.Invalid("Name the token by its id or by its prefix as the token list shows it (ptk_ and at least 4 more characters).", "token");
        }

        if (matches.Count == 0)
        {
            return Failure.NotFound($"User '{owner.Name}' has no token {idOrPrefix}.");
        }

        if (matches.Count > 1)
        {
            return Failure.Conflict($"{matches.Count} of {owner.Name}'s tokens start with {idOrPrefix}; name the token by its id.");
        }

        var token = matches[0];
        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            db.AuditEntries.Add(AuditLog.Entry(token.RevokedAt.Value, byName, "token.revoked", new { user = owner.Name, tokenId = token.Id, token.Prefix }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiTokenRow(token.Id, token.Name, token.Prefix, token.CreatedAt, token.LastUsedAt, token.RevokedAt);
    }
}
