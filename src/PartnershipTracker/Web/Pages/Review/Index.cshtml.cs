using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Review;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Review;

/// <summary>
/// <c>/review</c> (<c>?programme=SLUG</c> for another programme): the records submitted for review, each linking to
/// its page with the "Approve" and "Return" buttons. Reviewers and admins only: anyone else gets 403.
/// </summary>
public sealed class IndexModel(ListRecordsInReview handler, ChangeActor actor) : PageModel
{
    public RecordList<RecordSummary> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? programme, CancellationToken cancellationToken)
    {
        if (actor.Role < Role.Reviewer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return this.PageOr(
            await handler.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, ReviewState.Submitted, cancellationToken),
            value => List = value);
    }
}
