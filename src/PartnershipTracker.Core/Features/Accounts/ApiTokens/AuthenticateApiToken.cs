using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Accounts.ApiTokens;

/// <summary>
/// Finds the user of a bearer token (issue 5): looked up by its SHA-256; a revoked token, a disabled user or an
/// unknown token is refused with the same message. Each use sets <see cref="ApiToken.LastUsedAt"/> and writes a
/// "token.used" audit entry, at most once a minute per token (<see cref="UseRecordedEvery"/>), so that a busy
/// client does not fill the log with one line per request.
/// </summary>
public sealed class AuthenticateApiToken(PtrackDbContext db, TimeProvider time)
{
    /// <summary>The one message for every refused token.</summary>
    public const string Refused = "The API token is not valid: unknown, revoked, or its user is disabled.";

    /// <summary>How often a token's use is recorded at most: once a minute.</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    /// <param name="token">The whole token as sent after "Bearer ".</param>
    /// <param name="remoteAddress">The client's address, for the audit log.</param>
    /// <returns>The token's user, or an Invalid failure with <see cref="Refused"/>.</returns>
    public async Task<Result<User>> HandleAsync(string token, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(SecretTokens.ApiTokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return Failure.Invalid(Refused);
        }

        var hash = SecretTokens.Hash(token);
        var found = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (found?.User is not { } user || found.RevokedAt is not null || user.DisabledAt is not null)
        {
            return Failure.Invalid(Refused);
        }

        var now = time.GetUtcNow();
        if (found.LastUsedAt is not { } last || now - last >= UseRecordedEvery)
        {
            found.LastUsedAt = now;
            db.AuditEntries.Add(AuditLog.Entry(now, user.Name, "token.used", new { tokenId = found.Id, found.Prefix }, remoteAddress));
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }
}
