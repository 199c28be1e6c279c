using PartnershipTracker.Web.Api;

namespace PartnershipTracker.Web.Infrastructure.Authentication;

/// <summary>
/// What the account gates (<see cref="PasswordChangeRequired"/>, <see cref="RequireMfa"/>) share: the paths a held-up
/// user may still reach, and the one way they are stopped — an API request answers 403 problem details saying what
/// to do, a page request is redirected (302) to the page where they do it.
/// </summary>
internal static class AccountGate
{
    /// <summary>True when <paramref name="path"/> starts with one of <paramref name="open"/> (whole segments, any case).</summary>
    public static bool IsOpen(PathString path, IEnumerable<string> open) =>
        open.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Stops the request: 403 problem details (<paramref name="title"/>, <paramref name="detail"/>) under <c>/api</c>, else a redirect to <paramref name="location"/>.</summary>
    public static async Task StopAsync(HttpContext context, string title, string detail, string location)
    {
        if (PtrackAuthentication.IsApi(context.Request.Path))
        {
            await ApiResults.Problem(StatusCodes.Status403Forbidden, title, detail).ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(location);
    }
}
