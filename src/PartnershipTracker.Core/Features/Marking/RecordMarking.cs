using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Marking;

/// <summary>
/// The marking fields every record input carries (API JSON <c>classification</c> and <c>releasableTo</c>; page
/// forms the same names). Null means "not given": a new record takes the default marking, an update keeps the
/// record's marking (so that a client that does not know markings never lowers one by leaving it out).
/// </summary>
public interface IMarkedInput
{
    /// <summary>The classification label as written on documents, e.g. "NATO RESTRICTED" (see <see cref="Markings.TryParseClassification"/>).</summary>
    string? Classification { get; }

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty for a record restricted to no nation; null for "not given".</summary>
    IReadOnlyList<string>? ReleasableTo { get; }
}

/// <summary>A marking: a classification and a canonical Releasable To text (<c>",BIH,NATO,"</c>, "" for none).</summary>
/// <param name="Classification">The level.</param>
/// <param name="ReleasableTo">Canonical text as <see cref="Markings.TryParseReleasableTo"/> writes it.</param>
public sealed record RecordMarking(Classification Classification, string ReleasableTo)
{
    /// <summary>NATO UNCLASSIFIED, not restricted: the default of <c>Security:DefaultClassification</c>.</summary>
    public static RecordMarking NatoUnclassified { get; } = new(Domain.Classification.NatoUnclassified, string.Empty);

    /// <summary>PUBLIC, not restricted: the example programme's marking (public material).</summary>
    public static RecordMarking Public { get; } = new(Domain.Classification.Public, string.Empty);

    /// <summary>The marking of <paramref name="record"/>.</summary>
    public static RecordMarking Of(IEditableRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Classification, record.ReleasableTo);
    }

    /// <summary>The label as one line: "NATO RESTRICTED RELEASABLE TO BIH, NATO".</summary>
    public override string ToString() => Markings.Describe(Classification, ReleasableTo);

    /// <summary>Gives <paramref name="record"/> this marking.</summary>
    public void ApplyTo(IEditableRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Classification = Classification;
        record.ReleasableTo = ReleasableTo;
    }
}

/// <summary>
/// The marking a new record takes when its input gives none (<c>Security:DefaultClassification</c>, default
/// "NATO UNCLASSIFIED", and <c>Security:DefaultReleasableTo</c>, default none). Read once at start-up by the host;
/// records created from a source take the source's marking instead.
/// </summary>
public sealed class MarkingDefaults
{
    /// <summary>The configuration key of the default classification.</summary>
    public const string ClassificationKey = "Security:DefaultClassification";

    /// <summary>The configuration key of the default Releasable To list.</summary>
    public const string ReleasableToKey = "Security:DefaultReleasableTo";

    /// <summary>Defaults of NATO UNCLASSIFIED, not restricted.</summary>
    public MarkingDefaults()
        : this(RecordMarking.NatoUnclassified)
    {
    }

    /// <summary>Defaults of <paramref name="marking"/>.</summary>
    public MarkingDefaults(RecordMarking marking) => Marking = marking;

    /// <summary>The default marking of a new record.</summary>
    public RecordMarking Marking { get; }

    /// <summary>
    /// Reads the two settings' text; null text is the default. The error names the setting and the bad value.
    /// </summary>
    public static (MarkingDefaults? Defaults, string? Error) Read(string? classification, string? releasableTo)
    {
        var level = Classification.NatoUnclassified;
        if (!string.IsNullOrWhiteSpace(classification) && !Markings.TryParseClassification(classification, out level))
        {
            return (null, $"{ClassificationKey} must be one of {string.Join(", ", Markings.All.Select(Markings.Label))} (not '{FieldErrors.Shorten(classification!)}')");
        }

        if (!Markings.TryParseReleasableTo(releasableTo, out var canonical, out var error))
        {
            return (null, $"{ReleasableToKey}: {error}");
        }

        return (new MarkingDefaults(new RecordMarking(level, canonical)), null);
    }
}

/// <summary>
/// Reads and checks the marking fields of an input (PRODUCT.md C9, issue 5): a known classification label, Releasable
/// To entries that are ISO 3166-1 alpha-3 codes or organisation names, and a marking the writer could see themselves
/// (a writer may not put a record out of their own sight, nor mark it above their clearance).
/// </summary>
public static class MarkingFields
{
    /// <summary>The message when the classification is above the writer's clearance.</summary>
    public const string AboveClearance = "classification: above your clearance";

    /// <summary>The message when the writer's nation or organisation is not on the Releasable To list.</summary>
    public const string NotReleasableToWriter = "releasableTo: you would not be able to see the record (your nation or organisation is not on the list)";

    /// <summary>
    /// The marking <paramref name="input"/> asks for, with <paramref name="fallback"/> for what it leaves out
    /// (the default for a new record, the current marking for an update); null, with messages under
    /// <c>classification</c> and <c>releasableTo</c> in <paramref name="errors"/>, when it is refused.
    /// </summary>
    public static RecordMarking? Read(FieldErrors errors, IMarkedInput input, RecordMarking fallback, RecordAccess access)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(access);
        var ok = true;
        var level = fallback.Classification;
        if (input.Classification is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add("classification", $"classification must be one of {Labels} (not empty)");
                ok = false;
            }
            else if (!Markings.TryParseClassification(text, out level))
            {
                errors.Add("classification", $"classification must be one of {Labels} (not '{FieldErrors.Shorten(text.Trim())}')");
                ok = false;
            }
        }

        var releasableTo = fallback.ReleasableTo;
        if (input.ReleasableTo is { } entries)
        {
            if (entries.Any(e => e is null))
            {
                errors.Add("releasableTo", "releasableTo: an entry is null; give ISO 3166 alpha-3 codes or organisation names, e.g. [\"BIH\", \"NATO\"]");
                ok = false;
            }
            else if (!Markings.TryParseReleasableTo(string.Join(',', entries.Select(e => e.Trim())), out releasableTo, out var error))
            {
                errors.Add("releasableTo", "releasableTo: " + error);
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        if (!access.CanSee(level, string.Empty))
        {
            errors.Add("classification", AboveClearance);
            return null;
        }

        if (!access.CanSee(level, releasableTo))
        {
            errors.Add("releasableTo", NotReleasableToWriter);
            return null;
        }

        return new RecordMarking(level, releasableTo);
    }

    /// <summary>Reads a Releasable To text field (a page form, a CLI option: "BIH, NATO") into entries; blank text is the empty list.</summary>
    public static IReadOnlyList<string> SplitEntries(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Labels => string.Join(", ", Markings.All.Select(Markings.Label));
}
