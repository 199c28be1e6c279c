using Microsoft.AspNetCore.HttpOverrides;
using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>
/// Behind a TLS-ending reverse proxy (docs/accounts.md, "Behind a reverse proxy"): <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are read only from the addresses in <see cref="SecurityOptions.TrustedProxies"/> (ASP.NET
/// Core's <c>ForwardedHeaders</c> middleware, one proxy deep). From them the request takes the client's address (for the
/// audit log and the rate limits) and its scheme, so that under <c>X-Forwarded-Proto: https</c> the session and
/// antiforgery cookies are <c>Secure</c> (OWASP ASVS 5.0 3.3.1, 4.1.3, 15.3.4). With no trusted proxy (the default)
/// the middleware is not added at all: ASP.NET Core's own defaults would trust the loopback addresses, and with empty
/// lists it would trust anyone.
/// </summary>
internal static class TrustedProxies
{
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var networks = app.ApplicationServices.GetRequiredService<SecurityOptions>().TrustedProxyNetworks();
        if (networks is not { Count: > 0 })
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        return app.UseForwardedHeaders(options);
    }
}
