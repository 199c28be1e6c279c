using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Pages.Records.Forms;

namespace PartnershipTracker.Web.Pages.Records;

/// <summary>
/// <c>/X/new</c> for every editable type, in the only programme or <c>?programme=SLUG</c>: an empty form; a save
/// goes to the new record's page, a refused one comes back with messages next to the fields (422).
/// </summary>
public sealed class NewModel(RecordFormCatalog catalog, ListAreas areas, ListInitiatives initiatives) : RecordFormPage(catalog, areas, initiatives)
{
    /// <summary>The programme's slug, when one was named.</summary>
    public string? Programme { get; private set; }

    public async Task<IActionResult> OnGetAsync(string section, [FromQuery] string? programme, CancellationToken cancellationToken)
    {
        if (!TryUse(section))
        {
            return NotFound();
        }

        Programme = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim();
        await ShowAsync(new Dictionary<string, string?>(), null, Programme, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string section, [FromForm] string? programme, CancellationToken cancellationToken)
    {
        if (!TryUse(section))
        {
            return NotFound();
        }

        Programme = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim();
        var values = Posted();
        var saved = await Form.CreateAsync(Programme, values, cancellationToken);
        return saved.Succeeded
            ? Redirect(Section.DetailLink(saved.Value!.Id))
            : await RefusedAsync(saved.Failure!, values, Programme, cancellationToken);
    }
}
