using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// Sign-in, sessions, API tokens and authorization of the web (issue 5; docs/adr/0015-accounts-sessions-tokens.md).
/// <list type="bullet">
/// <item>Pages: a cookie (<see cref="CookieName"/>) that holds only a session key; the ticket is kept on the server
/// (<see cref="SessionTicketStore"/>). The user row is read on every request: a disabled user, a deleted user or a
/// changed security stamp ends the session at once.</item>
/// <item>API: <c>Authorization: Bearer ptk_…</c> (<see cref="BearerTokenHandler"/>). Under <c>/api</c> a request that
/// changes something (any method but GET and HEAD) is authenticated by bearer token only: the cookie is ignored there,
/// so a cross-site form or script riding on a browser's cookie gets 401 (the API's CSRF defence).</item>
/// <item>Every request sets the scoped <see cref="RecordAccess"/> (which records it may see) and <see cref="ChangeActor"/>
/// (who changes) from the signed-in user before any endpoint runs; anonymous requests see nothing, or PUBLIC records
/// only when <see cref="SecurityOptions.AllowAnonymousRead"/> is on.</item>
/// <item>Authorization: <see cref="AccessPolicies"/>; refusals answer 302 to <c>/login</c> (pages) or 401 (API) when not
/// signed in, 403 when the role is too low (audited as "access.denied").</item>
/// <item>POST /login and POST /login/code are rate limited per client address, together (<see cref="SecurityOptions.LoginRateLimit"/>
/// a minute): 429 with Retry-After.</item>
/// </list>
/// </summary>
public static class PtrackAuthentication
{
    /// <summary>The scheme that picks the cookie or the bearer scheme per request.</summary>
    public const string Scheme = "ptrack";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "ptrack.session";

    /// <summary>The sign-in page.</summary>
    public const string LoginPath = "/login";

    /// <summary>The second step of signing in: the code from the authenticator app (ADR 0020).</summary>
    public const string LoginCodePath = "/login/code";

    /// <summary>The record pages that only change (their GET shows the form): Contributor even to open.</summary>
    private static readonly string[] ChangingPages = ["/Records/New", "/Records/Edit", "/Records/Delete", "/Records/Restore"];

    public static IServiceCollection AddPtrackAuthentication(this IServiceCollection services)
    {
        // A web request sees no record until its reader is known (the CLI's default is to see all).
        services.Replace(ServiceDescriptor.Scoped(_ => RecordAccess.None()));
        services.AddSingleton<ITicketStore, SessionTicketStore>();
        services.AddSingleton<FailedBearerTokens>();
        services.AddSingleton<PendingSignIn>();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = SelectScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ITicketStore, SecurityOptions>((options, store, security) =>
            {
                options.SessionStore = store;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(security.SessionIdleMinutes);
            });

        services.AddAuthorization(AccessPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, AccessPolicies.RoleAtLeastHandler>();
        services.AddSingleton<IAuthorizationHandler, AccessPolicies.FallbackHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalResults>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/LoginCode");
            options.Conventions.AuthorizeFolder("/Account", AccessPolicies.Viewer);
            foreach (var page in ChangingPages)
            {
                options.Conventions.AuthorizePage(page, AccessPolicies.Contributor);
            }

            options.Conventions.AuthorizeFolder("/Ingest", AccessPolicies.Contributor);
            options.Conventions.AuthorizeFolder("/Admin", AccessPolicies.Admin);
            options.Conventions.AuthorizePage("/Records/Purge", AccessPolicies.Admin);
            options.Conventions.AuthorizePage("/Review/Index", AccessPolicies.Reviewer);
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<SecurityOptions>((options, security) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method)
                && (context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals(LoginCodePath, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "login " + context.Connection.RemoteIpAddress,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = security.LoginRateLimit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Rate limit, authentication, the request's reader and actor, the API page's sign-in check and authorization;
    /// after <c>UseRouting</c>, before the endpoints.
    /// </summary>
    public static IApplicationBuilder UsePtrackAuthentication(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        app.Use(FailedBearerTokens.RefuseOverLimitAsync);
        app.UseAuthentication();
        app.Use(SetReaderAsync);
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The interactive API page (a middleware, not an endpoint) needs a signed-in user, whatever
    /// <see cref="SecurityOptions.AllowAnonymousRead"/> says.
    /// </summary>
    public static IApplicationBuilder UseSignInForApiDocs(this IApplicationBuilder app, string docsPath) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(docsPath, StringComparison.OrdinalIgnoreCase) && context.User.RoleOf() is null)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });

    /// <summary>
    /// Bearer when a request under <c>/api</c> (or a <c>/report</c> download, which the OpenAPI document lists with the
    /// API) carries a bearer token, or changes something under <c>/api</c>; else the cookie.
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        var request = context.Request;
        var api = IsApi(request.Path);
        var unsafeMethod = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        var tokenPath = api || request.Path.Equals("/report", StringComparison.OrdinalIgnoreCase);
        return (api && unsafeMethod) || (tokenPath && BearerTokenHandler.TryGetToken(request, out _))
            ? BearerTokenHandler.SchemeName
            : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    /// <summary>Under <c>/api</c> but not the interactive API page, which is a page for people.</summary>
    internal static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        // Lax, not Strict: a link to a record from mail or chat opens signed in; nothing changes state on GET, every
        // page POST carries an antiforgery token and the API ignores the cookie for changes (ADR 0015).
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.SlidingExpiration = true;
        options.LoginPath = LoginPath;
        options.LogoutPath = "/logout";
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        options.Events.OnRedirectToLogin = context =>
        {
            if (IsApi(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = BearerTokenHandler.SchemeName;
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }

            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>Every request: the session's user must still exist, be enabled and have the same security stamp; the claims are read afresh.</summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.UserId();
        var db = context.HttpContext.RequestServices.GetRequiredService<PtrackDbContext>();
        var user = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, context.HttpContext.RequestAborted);
        if (user is null || user.DisabledAt is not null || user.SecurityStamp != context.Principal!.FindFirstValue(PtrackClaims.SecurityStamp))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(PtrackClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Sets the request's <see cref="RecordAccess"/> and <see cref="ChangeActor"/> from the signed-in user (or anonymous).</summary>
    private static Task SetReaderAsync(HttpContext context, RequestDelegate next)
    {
        var access = context.RequestServices.GetRequiredService<RecordAccess>();
        var actor = context.RequestServices.GetRequiredService<ChangeActor>();
        var user = context.User;
        if (user.RoleOf() is { } role)
        {
            actor.Name = user.Identity!.Name!;
            actor.Role = role;
            actor.UserId = user.UserId();
            actor.RemoteAddress = context.Connection.RemoteIpAddress?.ToString();
            access.SeeAs(user.ClearanceOf(), user.FindFirstValue(PtrackClaims.Nationality), user.FindFirstValue(PtrackClaims.Organisation));
        }
        else
        {
            actor.Name = "anonymous";
            actor.Role = Role.Viewer;
            actor.UserId = null;
            actor.RemoteAddress = context.Connection.RemoteIpAddress?.ToString();
            if (context.RequestServices.GetRequiredService<SecurityOptions>().AllowAnonymousRead)
            {
                access.SeeAs(Classification.Public, null, null);
            }
            else
            {
                access.SeeNothing();
            }
        }

        return next(context);
    }

    /// <summary>
    /// What a refusal answers: not signed in → the scheme's challenge (302 to /login for pages, 401 with
    /// <c>WWW-Authenticate: Bearer</c> for the API); signed in with too low a role → 403 (the error page's "You do not
    /// have permission", or problem details under /api), audited as "access.denied".
    /// </summary>
    private sealed class RefusalResults(TimeProvider time) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && context.User.RoleOf() is not null)
            {
                var db = context.RequestServices.GetRequiredService<PtrackDbContext>();
                db.AuditEntries.Add(AuditLog.Entry(
                    time.GetUtcNow(),
                    context.User.Identity!.Name!,
                    "access.denied",
                    new { path = context.Request.Path.Value, method = context.Request.Method, role = context.User.RoleOf()!.Value.ToString() },
                    context.Connection.RemoteIpAddress?.ToString()));
                await db.SaveChangesAsync(context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
