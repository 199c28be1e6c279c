using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Milestones;

/// <summary>
/// The milestones of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: status, initiative (<c>?initiative=ID</c>), search (title, description, date as written).
/// Sorts: date, id, title, status (the first is the default).
/// </summary>
public sealed class IndexModel(ListMilestones handler, ListAreas areas) : RecordListPage<MilestoneRow>(areas)
{
    private static readonly ListFilters Filters = new() { Statuses = Enum.GetNames<MilestoneStatus>(), Sorts = [("date", "Date"), ("id", "Order stored"), ("title", "Title"), ("status", "Status")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Milestone, Filters, handler.HandleAsync, cancellationToken);
}
