using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Components;

/// <summary>What a detail page offers for its record: the record's revision and links to edit and delete it.</summary>
public sealed record RecordActionsView(RecordSection Section, RecordSummary Record);

/// <summary>
/// The actions line of a detail page: "Edit" (<c>/X/ID/edit</c>), "Delete" (<c>/X/ID/delete</c>, a confirmation
/// page) and the revision the record is at. Renders nothing for a type without pages.
/// </summary>
public sealed class RecordActionsViewComponent(GetRecordSummary summaries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(RecordType type, int id)
    {
        var section = RecordSections.Of(type);
        var summary = await summaries.HandleAsync(type, id, HttpContext.RequestAborted);
        return section is null || !summary.Succeeded
            ? Content("")
            : View(new RecordActionsView(section, summary.Value!));
    }
}
