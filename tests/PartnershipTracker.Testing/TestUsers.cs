using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Testing;

/// <summary>
/// Users and API tokens written straight into a test database (the real hasher and token format, as
/// <see cref="Passwords"/> and <see cref="SecretTokens"/> make them), so that tests can sign in through the real
/// <c>/login</c> or send a real bearer token.
/// </summary>
public static class TestUsers
{
    /// <summary>The password of every user made here.</summary>
    public const string Password = "Test-password-of-ptrack-1";

    /// <summary>Adds a user with <see cref="Password"/>; the name is unique regardless of case.</summary>
    public static async Task<User> CreateAsync(
        PtrackDbContext db, string name, Role role, Classification clearance = Classification.NatoSecret, string? nationality = null, string? organisation = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        var user = new User
        {
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            PasswordHash = Passwords.Hash(Password),
            Role = role,
            Clearance = clearance,
            Nationality = nationality,
            Organisation = organisation,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A new API token for the user called <paramref name="userName"/>; returns the whole token (<c>ptk_…</c>).</summary>
    public static async Task<string> CreateTokenAsync(PtrackDbContext db, string userName, string tokenName = "test")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userName);
        var normalized = userName.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedName == normalized);
        var secret = SecretTokens.NewApiToken();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = tokenName,
            TokenHash = SecretTokens.Hash(secret),
            Prefix = secret[..12],
            CreatedAt = TimeProvider.System.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return secret;
    }
}
