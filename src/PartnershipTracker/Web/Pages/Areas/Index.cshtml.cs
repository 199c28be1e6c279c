using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Areas;

/// <summary>The areas of the only programme, or of <c>?programme=SLUG</c>.</summary>
public sealed class IndexModel(ListAreas handler) : PageModel
{
    public RecordList<AreaListItem> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? programme, CancellationToken cancellationToken) =>
        this.PageOr(await handler.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, cancellationToken), value => List = value);
}
