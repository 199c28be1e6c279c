using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Areas;

/// <summary>
/// The areas of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: search (name, description).
/// Sorts: id, name, chapter (the first is the default).
/// </summary>
public sealed class IndexModel(ListAreas handler, ListAreas areas) : RecordListPage<AreaListItem>(areas)
{
    private static readonly ListFilters Filters = new() { Sorts = [("id", "Order stored"), ("name", "Name"), ("chapter", "MAP chapter")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Area, Filters, handler.HandleAsync, cancellationToken);
}
