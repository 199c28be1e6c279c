using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>
/// The one mapping from a handler's <see cref="Failure"/> to HTTP (STYLE.md habit 5): a status per
/// <see cref="FailureKind"/>, an RFC 9457 problem for endpoints, and for pages a status re-executed on
/// <c>/error</c> (see <see cref="WebComposition"/>), which shows <see cref="Failure.Message"/>.
/// </summary>
public static class FailureResults
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which a page's failure message travels to the error page.</summary>
    public const string MessageKey = "ptrack.failure-message";

    /// <summary>400 for invalid input, 404 for a missing thing, 409 for a clash with the stored state, 403 for a role that may not do it.</summary>
    public static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>For a page: the failure's status, with its message (written for people) shown by the error page.</summary>
    public static IActionResult Failed(this PageModel page, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(failure);
        page.HttpContext.Items[MessageKey] = failure.Message;
        return page.StatusCode(StatusOf(failure.Kind));
    }

    /// <summary>For a page: on success hand the value to <paramref name="show"/> and render the page; else <see cref="Failed"/>.</summary>
    public static IActionResult PageOr<T>(this PageModel page, Result<T> result, Action<T> show)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(show);
        if (!result.Succeeded)
        {
            return page.Failed(result.Failure!);
        }

        show(result.Value!);
        return page.Page();
    }

    /// <summary>For an endpoint: problem details with the message as <c>detail</c> and field messages under <c>errors</c>.</summary>
    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var status = StatusOf(failure.Kind);
        var title = failure.Kind switch
        {
            FailureKind.NotFound => "Not found",
            FailureKind.Conflict => "Conflict",
            FailureKind.Forbidden => "Forbidden",
            _ => "Invalid request",
        };
        return TypedResults.Problem(
            failure.Message,
            statusCode: status,
            title: title,
            extensions: failure.Fields is null ? null : new Dictionary<string, object?> { ["errors"] = failure.Fields });
    }
}
