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

    /// <summary>
    /// When each user was last changed, by user name: the time of the newest audit entry of an account event
    /// ("user.created", "user.role-changed", "user.updated", "user.password-reset", "user.disabled", "user.enabled", …)
    /// that names them. Users with no such entry (made before the audit log) are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastChangesAsync(CancellationToken cancellationToken = default)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Event.StartsWith("user."))
            .OrderByDescending(a => a.Id).Select(a => new { a.At, a.Details }).ToListAsync(cancellationToken);
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            using var details = System.Text.Json.JsonDocument.Parse(entry.Details);
            if (details.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && details.RootElement.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                last.TryAdd(name.GetString()!, entry.At);
            }
        }

        return last;
    }
}
