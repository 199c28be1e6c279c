using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// What the delete, restore and purge pages share: <c>/X/ID/ACTION</c> for every editable type; GET shows the record
/// (a failure result when the section or record is missing, or the record is not in the state the action needs); POST
/// runs the action at the revision the form carried and redirects on success. A Conflict (changed since, or refused
/// for a reason the handler names) brings the page back with the record as it now is, the reason in
/// <see cref="Message"/> and status 409; any other failure is the status page of <see cref="FailureResults"/>.
/// </summary>
public abstract class RecordActionPage(GetRecordSummary summaries) : PageModel
{
    public RecordSection Section { get; private set; } = null!;

    public RecordSummary Record { get; private set; } = null!;

    /// <summary>Why the action was not done, when it was refused.</summary>
    public string? Message { get; private set; }

    /// <summary>The message when the form has no revision ("open the delete page again").</summary>
    protected abstract string MissingRevision { get; }

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
            return this.Failed(Failure.Invalid(MissingRevision, "revision"));
        }

        var failure = await RunAsync(new RecordAtRevision(Section.Type, id, expected), cancellationToken);
        if (failure is null)
        {
            if (Notice(id) is { } notice)
            {
                TempData[NoticeKey] = notice;
            }

            return Redirect(Done(id));
        }

        if (failure.Kind != FailureKind.Conflict)
        {
            return this.Failed(failure);
        }

        Message = failure.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        await ShowAsync(section, id, cancellationToken);
        return Page();
    }

    /// <summary>Runs the action; null when it was done, else why not.</summary>
    protected abstract Task<Failure?> RunAsync(RecordAtRevision request, CancellationToken cancellationToken);

    /// <summary>Where the browser goes once the action is done.</summary>
    protected abstract string Done(int id);

    /// <summary>
    /// The TempData key of the notice the next page shows once after a done action ("Achievement 12 was deleted for
    /// good …"). The notice is set by the server on the POST that did the action, never taken from the query string, so
    /// a link cannot make a page claim that something was done.
    /// </summary>
    public const string NoticeKey = "ptrack.notice";

    /// <summary>The notice the page at <see cref="Done"/> shows once, or null for none.</summary>
    protected virtual string? Notice(int id) => null;

    /// <summary>Why the action cannot be asked for in the record's state (shown as a failure), or null when it can.</summary>
    protected virtual Failure? Refuse(RecordSummary record) => null;

    /// <summary>The record id as it reads in a link.</summary>
    protected static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Loads the section and the record; a failure result when either is missing or the record's state refuses the action.</summary>
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

        if (Refuse(record.Value!) is { } refused)
        {
            return this.Failed(refused);
        }

        Record = record.Value!;
        return null;
    }
}
