using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;
using PartnershipTracker.Infrastructure;

namespace PartnershipTracker.Web.Pages.Ingest;

/// <summary>
/// Upload a document: it is read, mapped and staged as a draft, and the browser goes to the draft's preview.
/// Nothing is stored as records until the preview's "Store" is pressed.
/// </summary>
public sealed class IndexModel(IngestDocument ingest, ListIngestDrafts drafts, ProgrammeLookup programmes, PtrackSettings settings, MarkingDefaults markings) : PageModel
{
    public IReadOnlyList<IngestDraftRow> Drafts { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Name)> Programmes { get; private set; } = [];

    /// <summary>The largest file accepted, in bytes (Ingest:MaxFileBytes).</summary>
    public long MaxFileBytes => settings.Ingest.MaxFileBytes;

    [BindProperty]
    [Display(Name = "Document")]
    public IFormFile? Document { get; set; }

    [BindProperty]
    [Display(Name = "Programme")]
    public string? Programme { get; set; }

    /// <summary>The source's classification label ("NATO RESTRICTED"); the records it creates take it. Default: Security:DefaultClassification.</summary>
    [BindProperty]
    [Display(Name = "Classification")]
    public string? Classification { get; set; }

    /// <summary>The source's Releasable To list as typed ("BIH, NATO"); blank for none.</summary>
    [BindProperty]
    [Display(Name = "Releasable To")]
    public string? ReleasableTo { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Classification = Markings.Label(markings.Marking.Classification);
        ReleasableTo = string.Join(", ", Markings.ReleasableToEntries(markings.Marking.ReleasableTo));
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Document is null || Document.Length == 0)
        {
            ModelState.AddModelError(nameof(Document), Document is null ? "Choose a file to upload." : $"{Document.FileName}: file is empty");
        }
        else if (Document.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Document), $"{Document.FileName}: file is {Document.Length:N0} bytes, over the limit of {MaxFileBytes:N0} bytes");
        }

        var level = markings.Marking.Classification;
        if (!string.IsNullOrWhiteSpace(Classification) && !Markings.TryParseClassification(Classification, out level))
        {
            ModelState.AddModelError(nameof(Classification), $"classification must be one of {string.Join(", ", Markings.All.Select(Markings.Label))}");
        }

        if (!Markings.TryParseReleasableTo(ReleasableTo, out var releasableTo, out var releasableError))
        {
            ModelState.AddModelError(nameof(ReleasableTo), "releasableTo: " + releasableError);
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(cancellationToken);
        }

        var bytes = new byte[Document!.Length];
        await using (var stream = Document.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var result = await ingest.HandleAsync(
            new IngestRequest(Path.GetFileName(Document.FileName), bytes, string.IsNullOrWhiteSpace(Programme) ? null : Programme, IngestMode.Stage,
                new RecordMarking(level, releasableTo)),
            cancellationToken);
        if (!result.Succeeded)
        {
            // A bad file is the file field's fault; a programme that is not there (or not chosen) is the programme field's.
            var fields = result.Failure!.Fields;
            var field = fields?.ContainsKey("file") == true ? nameof(Document)
                : fields?.ContainsKey("classification") == true ? nameof(Classification)
                : fields?.ContainsKey("releasableTo") == true ? nameof(ReleasableTo)
                : nameof(Programme);
            ModelState.AddModelError(field, result.Failure.Message);
            return await RefusedAsync(cancellationToken);
        }

        return Redirect($"/ingest/drafts/{result.Value!.Draft!.DraftId}");
    }

    /// <summary>The form again with the errors next to their fields, answered 422 so that a script sees the refusal too.</summary>
    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Drafts = await drafts.HandleAsync(null, cancellationToken);
        Programmes = await programmes.ListAsync(cancellationToken);
    }
}
