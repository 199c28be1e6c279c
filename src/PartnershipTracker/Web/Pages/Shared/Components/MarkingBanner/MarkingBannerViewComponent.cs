using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Components;

/// <summary>What the marking banner shows: the record's marking and where its STANAG 4774 label is.</summary>
/// <param name="Marking">The marking, e.g. "NATO RESTRICTED RELEASABLE TO BIH, NATO" when written out.</param>
/// <param name="LabelLink">The API address of the record's confidentiality label (<c>/api/v1/{type}/{id}/label</c>).</param>
public sealed record MarkingBannerView(RecordMarking Marking, string LabelLink);

/// <summary>
/// The marking banner at the top of a detail page: the classification and Releasable To list in capitals, as on a
/// marked document, with a link to the record's STANAG 4774 label (docs/adr/0016-markings.md). Renders nothing for a
/// record the reader cannot see (the page itself answers 404 then).
/// </summary>
public sealed class MarkingBannerViewComponent(PtrackDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(RecordType type, int id)
    {
        var section = RecordSections.Of(type);
        var record = section is null ? null : await EditableRecords.FindAsync(db, type, id, includeDeleted: false, HttpContext.RequestAborted);
        return record is null
            ? Content("")
            : View(new MarkingBannerView(RecordMarking.Of(record), $"/api/v1/{section!.Path}/{id}/label"));
    }
}
