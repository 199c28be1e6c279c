using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Review;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Components;

/// <summary>What a detail page offers for its record: the record's revision, review state and links to edit and delete it.</summary>
/// <param name="CanSubmit">The reader's role and the record's state allow "Submit for review".</param>
/// <param name="CanDecide">The reader's role and the record's state allow "Approve" and "Return".</param>
public sealed record RecordActionsView(RecordSection Section, RecordSummary Record, bool CanSubmit = false, bool CanDecide = false);

/// <summary>
/// The actions line of a detail page: "Edit" (<c>/X/ID/edit</c>), "Delete" (<c>/X/ID/delete</c>, a confirmation
/// page) and the revision the record is at; the review state as a badge, the reviewer's comment when there is one,
/// and the review buttons the reader's role allows in that state (docs/adr/0017-review-workflow-and-audit.md).
/// Renders nothing for a type without pages.
/// </summary>
public sealed class RecordActionsViewComponent(GetRecordSummary summaries, ChangeActor actor) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(RecordType type, int id)
    {
        var section = RecordSections.Of(type);
        var summary = await summaries.HandleAsync(type, id, HttpContext.RequestAborted);
        return section is null || !summary.Succeeded
            ? Content("")
            : View(new RecordActionsView(
                section,
                summary.Value!,
                ReviewRules.CanSubmit(actor.Role, summary.Value!.ReviewState),
                ReviewRules.CanDecide(actor.Role, summary.Value!.ReviewState)));
    }
}
