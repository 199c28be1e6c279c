namespace PartnershipTracker.Web.Infrastructure;

/// <summary>
/// <c>Cache-Control: no-store</c> on every answer under <c>/api</c> and <c>/openapi</c> (signed in or not) and on every
/// answer to a signed-in user — pages, report downloads, charts, search — so that no browser or shared cache keeps
/// marked data after the session (OWASP ASVS 5.0 14.3.2). Static files (<c>/css</c>, <c>/js</c>) keep the caching the
/// static-asset endpoints give them: they hold nothing of the reader's. Decided when the answer starts, after
/// authentication has said who is signed in, and it replaces any <c>Cache-Control</c> set before (a chart's
/// <c>no-cache</c>, antiforgery's <c>no-cache, no-store</c>).
/// </summary>
internal static class NoStoreCaching
{
    public static IApplicationBuilder UseNoStoreCaching(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var path = context.Request.Path;
                var isStatic = path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
                    || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
                    || path.StartsWithSegments("/favicon.ico", StringComparison.OrdinalIgnoreCase);
                var api = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
                if (!isStatic && (api || context.User.Identity?.IsAuthenticated == true))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
