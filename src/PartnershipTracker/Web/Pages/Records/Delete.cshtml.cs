using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/X/ID/delete</c> for every editable type: GET asks first (what will go, at which revision); POST deletes
/// softly at the revision the page showed and sends the browser to the list, whose notice offers "Undo". A record
/// changed since the page was shown is not deleted: the page comes back (409) with the new revision to confirm.
/// </summary>
public sealed class DeleteModel(GetRecordSummary summaries, DeleteRecord delete) : PageModel
{
    public RecordSection Section { get; private set; } = null!;

    public RecordSummary Record { get; private set; } = null!;

    /// <summary>Why the delete was not done, when it was refused.</summary>
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
            return this.Failed(Failure.Invalid("the form has no revision; open the delete page again", "revision"));
        }

        var deleted = await delete.HandleAsync(new RecordAtRevision(Section.Type, id, expected), cancellationToken);
        if (deleted.Succeeded)
        {
            return Redirect(Section.ListLink + "?deleted=" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (deleted.Failure!.Kind != FailureKind.Conflict)
        {
            return this.Failed(deleted.Failure);
        }

        Message = deleted.Failure.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Loads the section and the live record; a failure result when either is missing or the record is already deleted.</summary>
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

        if (record.Value!.DeletedAt is not null)
        {
            return this.Failed(Failure.NotFound($"{found.Singular} {id} is already deleted; it can be restored from the deleted {found.Plural}"));
        }

        Record = record.Value;
        return null;
    }
}
