using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>A user's two-factor state, for their own account page (a pending setup's secret is shown again; an active one never).</summary>
public sealed class ShowMfa(PtrackDbContext db, TotpSecretProtector protector)
{
    /// <returns>The state; NotFound when the user does not exist.</returns>
    public async Task<Result<MfaStatus>> HandleAsync(string userName, CancellationToken cancellationToken = default)
    {
        var found = await UserAccounts.FindAsync(db, userName, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var user = found.Value!;
        var left = await db.RecoveryCodes.CountAsync(c => c.UserId == user.Id && c.UsedAt == null, cancellationToken);
        MfaEnrolment? pending = null;
        if (user.TotpEnabledAt is null && user.TotpSecret is { } stored && protector.Unprotect(stored) is { } secret)
        {
            pending = new MfaEnrolment(secret, TotpCodes.KeyUri(user.Name, secret));
        }

        return new MfaStatus(user.TotpEnabledAt, user.TotpEnabledAt is null ? 0 : left, pending);
    }
}
