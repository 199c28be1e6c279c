using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// <see cref="SecurityOptions.RequireMfa"/> (ADR 0020): while it is on, a signed-in user who has not set up an
/// authenticator app may only reach <c>/account/mfa</c> (to set one up), sign out, the sign-in pages, the forced
/// password change (<c>/account/password</c>, which comes first), the error page, <c>/health</c> and the stylesheets.
/// A page request elsewhere is redirected (302) to <c>/account/mfa</c>; an API request, by session or by bearer token,
/// answers 403 with a problem saying why. Runs after authentication and authorization, before the endpoints.
/// </summary>
public static class RequireMfa
{
    /// <summary>Where a user without two-factor sign-in is sent.</summary>
    public const string EnrolPath = "/account/mfa";

    private static readonly string[] Open = [EnrolPath, "/account/password", "/logout", PtrackAuthentication.LoginPath, "/error", "/health", "/css"];

    public static IApplicationBuilder UseRequireMfa(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The claims are built from the user row on every request (PtrackClaims), so no query of its own here.
            if (!context.RequestServices.GetRequiredService<SecurityOptions>().RequireMfa
                || context.User.UserId() is null
                || context.User.FindFirst(PtrackClaims.MfaEnabled) is not null
                || AccountGate.IsOpen(context.Request.Path, Open))
            {
                await next(context);
                return;
            }

            await AccountGate.StopAsync(
                context, "Forbidden", $"Two-factor sign-in is required here: set up an authenticator app at {EnrolPath} first.", EnrolPath);
        });
}
