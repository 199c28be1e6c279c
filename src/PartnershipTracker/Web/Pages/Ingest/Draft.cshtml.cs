using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Ingest;

/// <summary>
/// The preview of a staged document: what was recovered (headings, paragraphs, lists, tables), what was removed
/// or flagged, and the records storing it would create or give new evidence. Store or discard it from here.
/// </summary>
public sealed class DraftModel(IngestDocument ingest) : PageModel
{
    /// <summary>Blocks shown before "and N more"; a long document's preview stays a page, not a book.</summary>
    public const int MaxBlocks = 300;

    public IngestOutcome Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        this.PageOr(await ingest.PreviewDraftAsync(id, cancellationToken), value => Preview = value);

    /// <summary>A post with no handler, or one this page does not have: 405, not a page rendered without a preview.</summary>
    public IActionResult OnPost()
    {
        Response.Headers.Allow = "GET, HEAD";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostStoreAsync(int id, CancellationToken cancellationToken)
    {
        var result = await ingest.AcceptDraftAsync(id, cancellationToken: cancellationToken);
        return result.Succeeded ? Redirect($"/sources/{result.Value!.Stored!.SourceId}") : this.Failed(result.Failure!);
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken)
    {
        var result = await ingest.DiscardDraftAsync(id, cancellationToken);
        return result.Succeeded ? Redirect("/ingest") : this.Failed(result.Failure!);
    }
}
