using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Core.Features.Accounts;

/// <summary>Every user, by name (case ignored), disabled ones included; no password hashes or security stamps.</summary>
public sealed class ListUsers(PtrackDbContext db)
{
    public async Task<IReadOnlyList<UserSummary>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedName).ToListAsync(cancellationToken);
        return [.. users.Select(UserSummary.Of)];
    }
}
