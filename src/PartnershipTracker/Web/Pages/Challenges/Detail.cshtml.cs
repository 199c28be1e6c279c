using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Challenges;

/// <summary>One challenge by id; 404 when there is none.</summary>
public sealed class DetailModel(GetChallenge handler) : PageModel
{
    public ChallengeDetail Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        this.PageOr(await handler.HandleAsync(id, cancellationToken), value => Record = value);
}
