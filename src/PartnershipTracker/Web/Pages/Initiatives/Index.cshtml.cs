using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Initiatives;

/// <summary>
/// The initiatives of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: area, status, search (name, focus area, label, lead institution).
/// Sorts: id, name, status, start, end (the first is the default).
/// </summary>
public sealed class IndexModel(ListInitiatives handler, ListAreas areas) : RecordListPage<InitiativeRow>(areas)
{
    private static readonly ListFilters Filters = new() { Area = true, Statuses = Enum.GetNames<InitiativeStatus>(), Sorts = [("id", "Order stored"), ("name", "Name"), ("status", "Status"), ("start", "Since"), ("end", "Until")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Initiative, Filters, handler.HandleAsync, cancellationToken);
}
