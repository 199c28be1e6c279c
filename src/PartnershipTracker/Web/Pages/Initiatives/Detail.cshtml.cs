using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Initiatives;

/// <summary>One initiative by id; 404 when there is none.</summary>
public sealed class DetailModel(GetInitiative handler) : PageModel
{
    public InitiativeDetail Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        this.PageOr(await handler.HandleAsync(id, cancellationToken), value => Record = value);
}
