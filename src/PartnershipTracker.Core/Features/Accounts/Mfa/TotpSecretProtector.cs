using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PartnershipTracker.Core.Features.Accounts.Mfa;

/// <summary>
/// Keeps <see cref="Domain.User.TotpSecret"/> encrypted at rest with ASP.NET Core data protection (purpose
/// <see cref="Purpose"/>; the application's key ring, as for sessions): a copy of the database alone does not yield
/// anyone's secret. Losing the key ring makes every stored secret unreadable: the users then need
/// <c>ptrack user reset-mfa</c> (docs/adr/0020-two-factor-sign-in.md).
/// </summary>
public sealed class TotpSecretProtector(IDataProtectionProvider protection)
{
    /// <summary>The data protection purpose string of TOTP secrets.</summary>
    public const string Purpose = "PartnershipTracker.Accounts.TotpSecret.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>The stored form of a Base32 secret.</summary>
    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The Base32 secret of a stored form; null when it cannot be read (another key ring, tampered).</summary>
    public string? Unprotect(string stored)
    {
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
