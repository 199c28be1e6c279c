using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Components;

/// <summary>The notice after a delete; <see cref="Deleted"/> is null when nothing was just deleted.</summary>
public sealed record ListActionsView(RecordSection Section, RecordSummary? Deleted);

/// <summary>
/// On a list page: the "New initiative" link (<c>/X/new</c>); after a delete (<c>?deleted=ID</c>, where the delete page sends the browser) the notice
/// "Initiative “…” deleted." with an "Undo" button that restores the record at the revision the delete left it
/// at; and always a link to the deleted records of the type. An id that is not a deleted record shows no notice.
/// </summary>
public sealed class ListActionsViewComponent(GetRecordSummary summaries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(RecordType type)
    {
        var section = RecordSections.Of(type);
        if (section is null)
        {
            return Content("");
        }

        RecordSummary? deleted = null;
        if (int.TryParse(Request.Query["deleted"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var found = await summaries.HandleAsync(type, id, HttpContext.RequestAborted);
            deleted = found.Succeeded && found.Value!.DeletedAt is not null ? found.Value : null;
        }

        return View(new ListActionsView(section, deleted));
    }
}
