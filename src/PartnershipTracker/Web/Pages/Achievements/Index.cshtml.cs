using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Achievements;

/// <summary>The achievements of the only programme, or of <c>?programme=SLUG</c>.</summary>
public sealed class IndexModel(ListAchievements handler) : PageModel
{
    public RecordList<AchievementRow> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? programme, CancellationToken cancellationToken) =>
        this.PageOr(await handler.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, cancellationToken), value => List = value);
}
