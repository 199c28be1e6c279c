using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>
/// The one mapping from a handler's <see cref="Failure"/> to a page response. The status code is re-executed
/// on <c>/error</c> (see <see cref="WebComposition"/>), which shows <see cref="Failure.Message"/>: a sentence
/// written for people, never an exception.
/// </summary>
public static class PageFailures
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the failure's message travels to the error page.</summary>
    public const string MessageKey = "ptrack.failure-message";

    public static IActionResult Failed(this PageModel page, Failure failure)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(failure);
        page.HttpContext.Items[MessageKey] = failure.Message;
        return failure.Kind switch
        {
            FailureKind.NotFound => page.NotFound(),
            FailureKind.Conflict => page.StatusCode(StatusCodes.Status409Conflict),
            _ => page.BadRequest(),
        };
    }
}
