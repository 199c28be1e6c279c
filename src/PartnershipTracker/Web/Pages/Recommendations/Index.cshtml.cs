using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Recommendations;

/// <summary>
/// The recommendations of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: area, status, cycle, search (strategic action, expected outcome, focus area, issued by).
/// Sorts: id, strategicAction, status, cycle (the first is the default).
/// </summary>
public sealed class IndexModel(ListRecommendations handler, ListAreas areas) : RecordListPage<RecommendationRow>(areas)
{
    private static readonly ListFilters Filters = new() { Area = true, Cycle = true, Statuses = Enum.GetNames<RecommendationStatus>(), Sorts = [("id", "Order stored"), ("strategicAction", "Strategic action"), ("status", "Status"), ("cycle", "Cycle")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Recommendation, Filters, handler.HandleAsync, cancellationToken);
}
