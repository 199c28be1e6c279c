using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// Keeps sign-in tickets on the server, one <see cref="UserSession"/> row each (docs/adr/0015-accounts-sessions-tokens.md):
/// the cookie carries only a random 256-bit key (<see cref="SecretTokens.NewKey"/>), the row's id is its SHA-256, and
/// the ticket is stored serialized and protected by the data protection keys. Signing out deletes the row, so a
/// copied cookie stops working; a session also ends <see cref="SecurityOptions.SessionAbsoluteHours"/> after
/// sign-in however much it is used (the cookie's own expiry slides with use).
/// </summary>
internal sealed class SessionTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time, SecurityOptions security) : ITicketStore
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the current request's session id (<see cref="UserSession.Id"/>), once its cookie is read.</summary>
    public const string CurrentSessionItem = "ptrack.session-id";

    private readonly IDataProtector _protector = protection.CreateProtector("PartnershipTracker.Sessions.v1");

    /// <summary>Retrieves the ticket and notes the session's id for the request (<see cref="CurrentSessionItem"/>): a password change keeps this session.</summary>
    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Items[CurrentSessionItem] = SecretTokens.Hash(key);
        return RetrieveAsync(key);
    }

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = SecretTokens.NewKey();
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PtrackDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = SecretTokens.Hash(key),
            UserId = ticket.Principal.UserId() ?? throw new InvalidOperationException("A session needs a signed-in user."),
            Ticket = Protect(ticket),
            CreatedAt = now,
            ExpiresAt = Expiry(ticket, now, now),
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PtrackDbContext>();
        var session = await db.UserSessions.FindAsync(SecretTokens.Hash(key));
        if (session is null)
        {
            return;
        }

        session.Ticket = Protect(ticket);
        session.ExpiresAt = Expiry(ticket, session.CreatedAt, time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PtrackDbContext>();
        var id = SecretTokens.Hash(key);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAt <= time.GetUtcNow())
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Written under keys this server no longer has: the session cannot be used.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PtrackDbContext>();
        var id = SecretTokens.Hash(key);
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    /// <summary>The earlier of the cookie's sliding expiry and the absolute end of the session.</summary>
    private DateTimeOffset Expiry(AuthenticationTicket ticket, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var absolute = createdAt.AddHours(security.SessionAbsoluteHours);
        var sliding = ticket.Properties.ExpiresUtc ?? now.AddMinutes(security.SessionIdleMinutes);
        return sliding < absolute ? sliding : absolute;
    }
}
