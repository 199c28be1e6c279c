using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Indicators;

/// <summary>
/// The indicators of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: area, search (name, unit, description).
/// Sorts: id, name (the first is the default).
/// </summary>
public sealed class IndexModel(ListIndicators handler, ListAreas areas) : RecordListPage<IndicatorListItem>(areas)
{
    private static readonly ListFilters Filters = new() { Area = true, Sorts = [("id", "Order stored"), ("name", "Name")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Indicator, Filters, handler.HandleAsync, cancellationToken);
}
