using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/X/ID/restore</c> for every editable type: GET shows the deleted record and a "Restore" button; POST (also
/// the list's "Undo" button) restores it at the revision the form carried and sends the browser to its page.
/// A record restored or changed since is not touched: the page says so (409).
/// </summary>
public sealed class RestoreModel(GetRecordSummary summaries, RestoreRecord restore) : PageModel
{
    public RecordSection Section { get; private set; } = null!;

    public RecordSummary Record { get; private set; } = null!;

    /// <summary>Why the restore was not done, when it was refused.</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string section, int id, CancellationToken cancellationToken) =>
        await ShowAsync(section, id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string section, int id, [FromForm] string? revision, CancellationToken cancellationToken)
    {
        if (await ShowAsync(section, id, cancellationToken) is { } failed)
        {
            return failed;
        }

        if (!RecordForms.TryParseRevision(revision, out var expected))
        {
            return this.Failed(Failure.Invalid("the form has no revision; open the page again", "revision"));
        }

        var restored = await restore.HandleAsync(new RecordAtRevision(Section.Type, id, expected), cancellationToken);
        if (restored.Succeeded)
        {
            return Redirect(Section.DetailLink(id) + "?restored=1");
        }

        if (restored.Failure!.Kind != FailureKind.Conflict)
        {
            return this.Failed(restored.Failure);
        }

        Message = restored.Failure.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        await ShowAsync(section, id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> ShowAsync(string section, int id, CancellationToken cancellationToken)
    {
        var found = RecordSections.FromPath(section);
        if (found is null)
        {
            return NotFound();
        }

        Section = found;
        var record = await summaries.HandleAsync(found.Type, id, cancellationToken);
        if (!record.Succeeded)
        {
            return this.Failed(record.Failure!);
        }

        Record = record.Value!;
        return null;
    }
}
