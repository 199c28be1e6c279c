using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Core.Features.Accounts.ApiTokens;

/// <summary>One of a user's API tokens as lists show it: never the secret, only its first characters.</summary>
public sealed record ApiTokenRow(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A user's API tokens, newest first, revoked ones included (marked by <see cref="ApiTokenRow.RevokedAt"/>).</summary>
public sealed class ListApiTokens(PtrackDbContext db)
{
    /// <returns>The tokens, or NotFound for an unknown user.</returns>
    public async Task<Result<IReadOnlyList<ApiTokenRow>>> HandleAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedName == normalized, cancellationToken);
        if (user is null)
        {
            return Failure.NotFound($"There is no user '{userName}'.");
        }

        var rows = await db.ApiTokens.Where(t => t.UserId == user.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();
    }
}
