namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// The forced password change (OWASP ASVS 5.0 6.4.1): while a signed-in user's <see cref="Domain.User.MustChangePassword"/>
/// is set (the first admin's generated password, a password an admin reset), every page sends the browser to
/// <see cref="PagePath"/> (302, with the page it wanted as <c>returnUrl</c>), and every API request answers 403 problem
/// details "Password change required" when it came with the session cookie. A bearer token is a credential of its own
/// (created by its owner or an admin, never derived from the password), so requests with one are not held up: an account
/// used only through the API (an admin adds it, then runs <c>ptrack token create</c>) works without a browser sign-in.
/// Open all the same:
/// the change page itself, <c>/logout</c>, the sign-in pages (<c>/login…</c>, the sign-in flow's own steps),
/// <c>/health</c>, <c>/error</c> and static files (<c>/css</c>, <c>/js</c>).
/// </summary>
/// <remarks>
/// Runs after authentication and authorization (the principal's claims are read afresh from the user row on every
/// request, see <see cref="PtrackClaims.MustChangePassword"/>), so the change counts from the next request on.
/// </remarks>
internal static class PasswordChangeRequired
{
    /// <summary>The page where a user changes their own password.</summary>
    public const string PagePath = "/account/password";

    /// <summary>The title of the API's 403 problem details.</summary>
    public const string Title = "Password change required";

    private static readonly string[] OpenPaths = [PagePath, "/logout", "/login", "/health", "/error", "/css", "/js", "/favicon.ico"];

    public static IApplicationBuilder UsePasswordChangeRequired(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.FindFirst(PtrackClaims.MustChangePassword) is null
                || context.User.Identity?.AuthenticationType == BearerTokenHandler.SchemeName
                || AccountGate.IsOpen(path, OpenPaths))
            {
                await next(context);
                return;
            }

            var returnUrl = HttpMethods.IsGet(context.Request.Method) ? path + context.Request.QueryString : "/";
            await AccountGate.StopAsync(
                context,
                Title,
                $"password change required: sign in with a browser and choose a new password at {PagePath} before using the API",
                returnUrl == "/" ? PagePath : PagePath + QueryString.Create("returnUrl", returnUrl));
        });
}
