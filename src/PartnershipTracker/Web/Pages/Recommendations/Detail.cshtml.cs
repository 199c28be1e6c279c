using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Recommendations;

/// <summary>One recommendation by id; 404 when there is none.</summary>
public sealed class DetailModel(GetRecommendation handler) : PageModel
{
    public RecommendationDetail Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        this.PageOr(await handler.HandleAsync(id, cancellationToken), value => Record = value);
}
