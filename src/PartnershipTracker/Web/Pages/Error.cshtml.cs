using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages;

/// <summary>
/// The page for every error: status codes re-executed here (404 and the like) and unexpected exceptions.
/// It shows a sentence for people and, for expected failures, the handler's message; never an exception, a
/// stack trace or a path on the server.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    // A status re-executed here keeps the request's method, so every method gets the page.
    public void OnPost(int? status) => Describe(status);

    public void OnPut(int? status) => Describe(status);

    public void OnDelete(int? status) => Describe(status);

    public void OnPatch(int? status) => Describe(status);

    private void Describe(int? requested)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Status = exception ? StatusCodes.Status500InternalServerError
            : reExecuted ? Response.StatusCode
            : requested is >= 400 and <= 599 ? requested.Value
            : StatusCodes.Status500InternalServerError;

        (Heading, Message) = Status switch
        {
            StatusCodes.Status400BadRequest => ("Bad request", "The request could not be understood."),
            StatusCodes.Status403Forbidden => ("You do not have permission", "Your role does not allow this page or action. Ask an admin if you need it."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts", "There were too many sign-in attempts from your address. Wait a minute and try again."),
            StatusCodes.Status404NotFound => ("Page not found", "There is no page at this address. It may have been moved, or the record may not exist."),
            StatusCodes.Status405MethodNotAllowed => ("Not allowed", "This address does not accept that kind of request."),
            StatusCodes.Status409Conflict => ("Conflict", "The request clashes with what is stored."),
            StatusCodes.Status413PayloadTooLarge => ("File too large", "The upload is larger than this server accepts (Ingest:MaxFileBytes). Nothing was stored."),
            >= 500 => ("Something went wrong", "The server could not complete the request. The problem has been logged; please try again later."),
            _ => ("Error", "The request could not be completed."),
        };

        // A handler's failure message is written for people (see FailureResults); it is shown, encoded, for expected failures only.
        if (!exception && HttpContext.Items[FailureResults.MessageKey] is string failure)
        {
            Message = failure;
        }
    }
}
