using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;
using PartnershipTracker.Web.Pages.Records.Forms;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/X/ID/edit</c> for every editable type: the form with the stored values and the revision they are at; a
/// save goes to the detail page (303), a refused one comes back with messages next to the fields (422), and a
/// save over a newer revision stores nothing and shows both versions side by side (409).
/// </summary>
public sealed class EditModel(RecordFormCatalog catalog, ListAreas areas, ListInitiatives initiatives) : RecordFormPage(catalog, areas, initiatives)
{
    public int Id { get; private set; }

    /// <summary>The revision the form edits (hidden field <c>revision</c>).</summary>
    public int Revision { get; private set; }

    /// <summary>The record's name as stored, for the heading.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Set when the save was refused because someone saved a newer revision.</summary>
    public ConflictView? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string section, int id, CancellationToken cancellationToken)
    {
        if (!TryUse(section))
        {
            return NotFound();
        }

        var stored = await Form.LoadAsync(id, cancellationToken);
        if (!stored.Succeeded)
        {
            return this.Failed(stored.Failure!);
        }

        (Id, Revision, Title) = (id, stored.Value!.Revision, stored.Value.Title);
        await ShowAsync(stored.Value.Values, null, stored.Value.Programme.Slug, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string section, int id, [FromForm] string? revision, CancellationToken cancellationToken)
    {
        if (!TryUse(section))
        {
            return NotFound();
        }

        var stored = await Form.LoadAsync(id, cancellationToken);
        if (!stored.Succeeded)
        {
            return this.Failed(stored.Failure!);
        }

        (Id, Title) = (id, stored.Value!.Title);
        var programme = stored.Value.Programme.Slug;
        var values = Posted();
        if (!RecordForms.TryParseRevision(revision, out var expected))
        {
            return this.Failed(Failure.Invalid("the form has no revision; open the edit page again", "revision"));
        }

        Revision = expected;
        var saved = await Form.UpdateAsync(id, expected, values, cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect(Section.DetailLink(id));
        }

        if (saved.Failure!.Kind != FailureKind.Conflict)
        {
            return await RefusedAsync(saved.Failure, values, programme, cancellationToken);
        }

        // Someone saved since: show theirs beside ours; nothing of ours was stored.
        var theirs = await Form.LoadAsync(id, cancellationToken);
        if (!theirs.Succeeded)
        {
            return this.Failed(saved.Failure);
        }

        await ShowAsync(values, null, programme, cancellationToken);
        Conflict = new ConflictView(
            Section.Singular,
            expected,
            theirs.Value!.Revision,
            Form.Fields.Select(f => new ConflictRow(f.Label, Shown(f, values.GetValueOrDefault(f.Name)?.Trim()), Shown(f, theirs.Value.Values.GetValueOrDefault(f.Name)))).ToList(),
            Form.Fields.Select(f => new KeyValuePair<string, string>(f.Name, values.GetValueOrDefault(f.Name) ?? "")).ToList(),
            Section.ActionLink(id, "edit"),
            Section.ActionLink(id, "edit"));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
