namespace PartnershipTracker.Core.Security;

/// <summary>
/// The <c>Security</c> settings: sign-in lockout, the login rate limit, session lifetimes and anonymous reading
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
        : null;
}
