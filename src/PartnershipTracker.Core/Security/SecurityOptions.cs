using System.Net;

namespace PartnershipTracker.Core.Security;

/// <summary>
/// The <c>Security</c> settings: sign-in lockout, the login and failed-bearer-token rate limits, session lifetimes,
/// anonymous reading and the trusted reverse proxies
/// (issue 5, PRODUCT.md C9; docs/adr/0015-accounts-sessions-tokens.md).
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section: <c>Security</c>.</summary>
    public const string SectionName = "Security";

    /// <summary>Consecutive failed sign-ins that lock an account (default 5).</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked account refuses every sign-in, in minutes (default 15).</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts (POST /login) allowed per client address per minute before 429 (default 10).</summary>
    public int LoginRateLimit { get; set; } = 10;

    /// <summary>A session ends after this many minutes without a request (sliding expiry; default 60).</summary>
    public int SessionIdleMinutes { get; set; } = 60;

    /// <summary>A session ends this many hours after sign-in whatever its use (absolute expiry; default 12).</summary>
    public int SessionAbsoluteHours { get; set; } = 12;

    /// <summary>When true, readers who have not signed in may GET the read pages and API and see PUBLIC records only (default false).</summary>
    public bool AllowAnonymousRead { get; set; }

    /// <summary>
    /// The reverse proxies (TLS-ending) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: IP
    /// addresses or CIDR networks separated by commas or semicolons ("10.0.0.2", "10.0.0.0/24;::1"). Empty (the
    /// default): no forwarded header is read from anyone, and the client address is the TCP peer's.
    /// </summary>
    public string TrustedProxies { get; set; } = string.Empty;

    /// <summary>
    /// Failed bearer-token authentications allowed per client address per minute (default 20); after that every
    /// request with a bearer token from that address answers 429 with <c>Retry-After</c> until the minute is over.
    /// </summary>
    public int BearerFailureLimit { get; set; } = 20;

    /// <summary>The entries of <see cref="TrustedProxies"/> as networks (a single address is a /32 or /128 network); null when one does not parse.</summary>
    public IReadOnlyList<IPNetwork>? TrustedProxyNetworks()
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in TrustedProxies.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32));
            }
            else if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                return null;
            }
        }

        return networks;
    }

    /// <summary>
    /// When true, a signed-in user without two-factor sign-in is sent to <c>/account/mfa</c> to set up an
    /// authenticator app before anything else, and their API tokens are refused until then (default false; ADR 0020).
    /// </summary>
    public bool RequireMfa { get; set; }

    /// <summary>The first setting out of range, as "Security:Name must be …"; null when all are good.</summary>
    public string? Check() =>
        LockoutFailures <= 0 ? $"Security:LockoutFailures must be a positive number of failed sign-ins, not {LockoutFailures}"
        : LockoutMinutes <= 0 ? $"Security:LockoutMinutes must be a positive number of minutes, not {LockoutMinutes}"
        : LoginRateLimit <= 0 ? $"Security:LoginRateLimit must be a positive number of sign-in attempts per minute, not {LoginRateLimit}"
        : SessionIdleMinutes <= 0 ? $"Security:SessionIdleMinutes must be a positive number of minutes, not {SessionIdleMinutes}"
        : SessionAbsoluteHours <= 0 ? $"Security:SessionAbsoluteHours must be a positive number of hours, not {SessionAbsoluteHours}"
        : BearerFailureLimit <= 0 ? $"Security:BearerFailureLimit must be a positive number of failed bearer tokens per minute, not {BearerFailureLimit}"
        : TrustedProxyNetworks() is null ? $"Security:TrustedProxies must be IP addresses or CIDR networks separated by commas, not '{TrustedProxies}'"
        : null;
}
