using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Achievements;

/// <summary>
/// The achievements of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: area, search (title).
/// Sorts: id, title, date (the first is the default).
/// </summary>
public sealed class IndexModel(ListAchievements handler, ListAreas areas) : RecordListPage<AchievementRow>(areas)
{
    private static readonly ListFilters Filters = new() { Area = true, Sorts = [("id", "Order stored"), ("title", "Title"), ("date", "Date")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Achievement, Filters, handler.HandleAsync, cancellationToken);
}
