using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Challenges;

/// <summary>
/// The challenges of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: area, status, severity, search (title, impact, owner).
/// Sorts: id, title, severity, status (the first is the default).
/// </summary>
public sealed class IndexModel(ListChallenges handler, ListAreas areas) : RecordListPage<ChallengeRow>(areas)
{
    private static readonly ListFilters Filters = new() { Area = true, Statuses = Enum.GetNames<ChallengeStatus>(), Severities = Enum.GetNames<Severity>(), Sorts = [("id", "Order stored"), ("title", "Title"), ("severity", "Severity"), ("status", "Status")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Challenge, Filters, handler.HandleAsync, cancellationToken);
}
