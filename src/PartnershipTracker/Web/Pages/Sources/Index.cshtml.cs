using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Pages.Records.Lists;

namespace PartnershipTracker.Web.Pages.Sources;

/// <summary>
/// The sources of the only programme, or of <c>?programme=SLUG</c>, 50 to a page. Filters: kind, search (title, publisher, URL).
/// Sorts: id, title, publishedOn, kind (the first is the default).
/// </summary>
public sealed class IndexModel(ListSources handler, ListAreas areas) : RecordListPage<SourceListItem>(areas)
{
    private static readonly ListFilters Filters = new() { Kinds = Enum.GetNames<SourceKind>(), Sorts = [("id", "Order stored"), ("title", "Title"), ("publishedOn", "Published"), ("kind", "Kind")] };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        ListAsync(RecordType.Source, Filters, handler.HandleAsync, cancellationToken);
}
