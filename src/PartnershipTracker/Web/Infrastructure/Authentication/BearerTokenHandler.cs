using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PartnershipTracker.Core.Features.Accounts.ApiTokens;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// The bearer scheme of the API: <c>Authorization: Bearer ptk_…</c> (an API token from <c>/account/tokens</c> or
/// <c>ptrack token create</c>). The token is checked on every request (<see cref="AuthenticateApiToken"/>), so a
/// revoked token or a disabled user is refused at once. A challenge answers 401 with <c>WWW-Authenticate: Bearer</c>.
/// </summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryGetToken(Request, out var token))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await Context.RequestServices.GetRequiredService<AuthenticateApiToken>()
            .HandleAsync(token, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (!user.Succeeded)
        {
            // Counted per client address: too many failures in a minute and the address gets 429 (FailedBearerTokens).
            Context.RequestServices.GetRequiredService<FailedBearerTokens>().Failed(FailedBearerTokens.AddressOf(Context));
            return AuthenticateResult.Fail(user.Failure!.Message);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(PtrackClaims.For(user.Value!, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }

    /// <summary>True when the request carries <c>Authorization: Bearer …</c>; <paramref name="token"/> is what follows.</summary>
    public static bool TryGetToken(HttpRequest request, out string token)
    {
        token = string.Empty;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[(SchemeName.Length + 1)..].Trim();
        return true;
    }
}
