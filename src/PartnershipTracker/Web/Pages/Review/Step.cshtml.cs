using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Review;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Review;

/// <summary>
/// <c>POST /X/ID/review</c> for every editable type: the "Submit for review", "Approve" and "Return" buttons of a
/// detail page (form fields <c>step</c> = submit|approve|return, <c>revision</c>, and <c>comment</c> for return).
/// On success the browser goes back to the record's page; a refused step shows the reason with its status
/// (400 no comment, 403 role or four-eyes, 404, 409 wrong state or changed since). GET goes to the record's page.
/// </summary>
public sealed class StepModel(SubmitRecord submit, ApproveRecord approve, ReturnRecord @return) : PageModel
{
    public IActionResult OnGet(string section, int id) =>
        RecordSections.FromPath(section) is { } found ? Redirect(found.DetailLink(id)) : NotFound();

    public async Task<IActionResult> OnPostAsync(string section, int id, [FromForm] string? step, [FromForm] string? revision, [FromForm] string? comment, CancellationToken cancellationToken)
    {
        if (RecordSections.FromPath(section) is not { } found)
        {
            return NotFound();
        }

        if (!RecordForms.TryParseRevision(revision, out var expected))
        {
            return this.Failed(Failure.Invalid("the form has no revision; open the page again", "revision"));
        }

        var request = new RecordAtRevision(found.Type, id, expected);
        var result = step switch
        {
            "submit" => await submit.HandleAsync(request, cancellationToken),
            "approve" => await approve.HandleAsync(request, cancellationToken),
            "return" => await @return.HandleAsync(request, comment, cancellationToken),
            _ => Failure.Invalid("step must be submit, approve or return", "step"),
        };
        return result.Succeeded
            ? Redirect(found.DetailLink(id) + "?reviewed=" + step)
            : this.Failed(result.Failure!);
    }
}
