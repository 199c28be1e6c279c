using System.Collections.Concurrent;
using System.Globalization;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Web.Api;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// Counts failed bearer-token authentications per client address in fixed one-minute windows (the first failure
/// opens the window). After <see cref="SecurityOptions.BearerFailureLimit"/> failures every API request with a bearer
/// token from that address answers 429 with <c>Retry-After</c> (seconds to the window's end) — without the token being
/// checked, so that guessing tokens gains nothing — and the first refusal of each window is audited
/// "token.rate-limited" (OWASP ASVS 5.0 6.1.1, 6.3.1). The client address is the one after the trusted proxies'
/// <c>X-Forwarded-For</c> (<see cref="SecurityOptions.TrustedProxies"/>); the TCP peer otherwise.
/// </summary>
internal sealed class FailedBearerTokens(TimeProvider time, SecurityOptions security)
{
    /// <summary>The length of a counting window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Counts a failed bearer authentication from <paramref name="address"/>.</summary>
    public void Failed(string address)
    {
        var now = time.GetUtcNow();
        if (_counters.Count > 10_000)
        {
            // Forget closed windows so that many addresses cannot fill the memory.
            foreach (var (key, old) in _counters)
            {
                if (old.End(now) <= now)
                {
                    _counters.TryRemove(key, out _);
                }
            }
        }

        var counter = _counters.GetOrAdd(address, _ => new Counter());
        lock (counter)
        {
            if (counter.End(now) <= now)
            {
                counter.Start = now;
                counter.Failures = 0;
                counter.Audited = false;
            }

            counter.Failures++;
        }
    }

    /// <summary>
    /// How long <paramref name="address"/> must wait when it has used up its failures in the current window; null when
    /// it may try. <paramref name="audit"/> is true for the first refusal of a window (the one to audit).
    /// </summary>
    public TimeSpan? Blocked(string address, out bool audit)
    {
        audit = false;
        if (!_counters.TryGetValue(address, out var counter))
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (counter)
        {
            if (counter.Failures < security.BearerFailureLimit || counter.End(now) <= now)
            {
                return null;
            }

            audit = !counter.Audited;
            counter.Audited = true;
            return counter.End(now) - now;
        }
    }

    /// <summary>The client address a request is counted under ("unknown" when the server does not know it).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The middleware: 429 for API requests with a bearer token from an address over its limit; runs before authentication.</summary>
    public static async Task RefuseOverLimitAsync(HttpContext context, RequestDelegate next)
    {
        if (!PtrackAuthentication.IsApi(context.Request.Path) || !BearerTokenHandler.TryGetToken(context.Request, out _))
        {
            await next(context);
            return;
        }

        var limiter = context.RequestServices.GetRequiredService<FailedBearerTokens>();
        var address = AddressOf(context);
        if (limiter.Blocked(address, out var audit) is not { } wait)
        {
            await next(context);
            return;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        if (audit)
        {
            var db = context.RequestServices.GetRequiredService<PtrackDbContext>();
            db.AuditEntries.Add(AuditLog.Entry(
                context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), "anonymous", "token.rate-limited",
                new { failures = context.RequestServices.GetRequiredService<SecurityOptions>().BearerFailureLimit, retryAfterSeconds = seconds }, address));
            await db.SaveChangesAsync(context.RequestAborted);
        }

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiResults.Problem(
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"too many failed bearer tokens from this address; try again in {seconds} seconds").ExecuteAsync(context);
    }

    private sealed class Counter
    {
        public DateTimeOffset Start { get; set; } = DateTimeOffset.MinValue;

        public int Failures { get; set; }

        public bool Audited { get; set; }

        public DateTimeOffset End(DateTimeOffset now) => Start == DateTimeOffset.MinValue ? now : Start + Window;
    }
}
