using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// What a person gives for a source: its citation and grading. The ingested text, file, hash and data-quality
/// flags are ingest's and are not edited. <see cref="Kind"/> is a name of <see cref="SourceKind"/> (null means
/// Unknown); <see cref="Reliability"/> a letter A–F and <see cref="Credibility"/> 1–6 (the Admiralty grading,
/// NATO AJP-2.1), both optional.
/// </summary>
public sealed record SourceInput : IMarkedInput
{
    /// <inheritdoc/>
    public string? Classification { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? ReleasableTo { get; init; }

    public string? Title { get; init; }

    public string? Publisher { get; init; }

    public string? Url { get; init; }

    public string? PublishedOn { get; init; }

    public string? Kind { get; init; }

    public string? Reliability { get; init; }

    public int? Credibility { get; init; }
}

/// <summary>Creates (a source cited by URL or by title only) and updates sources.</summary>
public sealed class EditSource(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null) : RecordEditor<Source, SourceInput>(db, programmes, defaults)
{
    protected override Source Blank(int programmeId) => new() { ProgrammeId = programmeId, Title = "" };

    protected override Task ApplyAsync(SourceInput input, Source record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var title = errors.Text("title", input.Title, FieldErrors.TitleLength, required: true);
        var publisher = errors.Text("publisher", input.Publisher, FieldErrors.LabelLength);
        var url = errors.Url("url", input.Url);
        var publishedOn = errors.Date("publishedOn", input.PublishedOn);
        var kind = errors.Enum<SourceKind>("kind", input.Kind);
        char? reliability = null;
        var reliabilityText = input.Reliability?.Trim();
        if (!string.IsNullOrEmpty(reliabilityText))
        {
            if (reliabilityText.Length == 1 && char.ToUpperInvariant(reliabilityText[0]) is >= 'A' and <= 'F')
            {
                reliability = char.ToUpperInvariant(reliabilityText[0]);
            }
            else
            {
                errors.Add("reliability", $"reliability must be a letter A to F (not '{FieldErrors.Shorten(reliabilityText)}')");
            }
        }

        if (input.Credibility is < 1 or > 6)
        {
            errors.Add("credibility", $"credibility must be a number 1 to 6 (not {input.Credibility})");
        }

        if (errors.Any)
        {
            return Task.CompletedTask;
        }

        record.Title = title!;
        record.Publisher = publisher;
        record.Url = url;
        record.PublishedOn = publishedOn;
        record.Kind = kind ?? SourceKind.Unknown;
        record.Reliability = reliability;
        record.Credibility = input.Credibility;
        return Task.CompletedTask;
    }
}
