using System.Diagnostics.CodeAnalysis;

namespace PartnershipTracker.Domain;

/// <summary>
/// A record's classification, lowest first (PRODUCT.md vocabulary, after STANAG 4774 and NATO's security policy
/// C-M(2002)49). The numeric values order the levels: a reader whose clearance is at least a record's
/// classification may see it (releasability permitting, see <see cref="Markings.IsReleasableTo"/>).
/// </summary>
public enum Classification
{
    /// <summary>PUBLIC: released to the public; the only level anonymous readers see.</summary>
    Public = 0,

    /// <summary>NATO UNCLASSIFIED: official information, not for public release.</summary>
    NatoUnclassified = 1,

    /// <summary>NATO RESTRICTED.</summary>
    NatoRestricted = 2,

    /// <summary>NATO CONFIDENTIAL.</summary>
    NatoConfidential = 3,

    /// <summary>NATO SECRET, the highest level ptrack holds.</summary>
    NatoSecret = 4,
}

/// <summary>
/// The marking rules shared by every record type: the classification labels as written on documents
/// ("NATO RESTRICTED"), and the Releasable To list. A list is kept in one canonical text form so that the database
/// can test membership: entries upper-case, sorted, each between commas (<c>",BIH,NATO,"</c>); an empty string means
/// the record is not restricted to any nation or organisation.
/// </summary>
public static class Markings
{
    /// <summary>Longest canonical Releasable To text stored: 400 characters (about 60 entries).</summary>
    public const int MaxReleasableToLength = 400;

    private static readonly Dictionary<Classification, string> Labels = new()
    {
        [Classification.Public] = "PUBLIC",
        [Classification.NatoUnclassified] = "NATO UNCLASSIFIED",
        [Classification.NatoRestricted] = "NATO RESTRICTED",
        [Classification.NatoConfidential] = "NATO CONFIDENTIAL",
        [Classification.NatoSecret] = "NATO SECRET",
    };

    /// <summary>Every classification, lowest first.</summary>
    public static IReadOnlyList<Classification> All { get; } = [.. Labels.Keys.Order()];

    /// <summary>The label as written on a document: "NATO CONFIDENTIAL".</summary>
    public static string Label(Classification classification) => Labels[classification];

    /// <summary>
    /// Reads a classification written as its label ("NATO RESTRICTED"), with dashes or underscores for spaces, or as
    /// the enum name ("NatoRestricted"); case is ignored. False for anything else.
    /// </summary>
    public static bool TryParseClassification(string? text, out Classification classification)
    {
        classification = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = text.Trim().Replace('-', ' ').Replace('_', ' ');
        foreach (var (level, label) in Labels)
        {
            if (string.Equals(words, label, StringComparison.OrdinalIgnoreCase)
                || string.Equals(words.Replace(" ", string.Empty, StringComparison.Ordinal), level.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                classification = level;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a Releasable To list written with commas, semicolons or spaces between entries ("BIH, NATO") into its
    /// canonical form. An entry is an ISO 3166-1 alpha-3 code (three letters) or an organisation's short name (2 to
    /// 16 letters or digits, starting with a letter: "NATO", "EU"). Empty or blank text is the empty list.
    /// </summary>
    /// <param name="error">Why the text was refused, naming the bad entry; null on success.</param>
    public static bool TryParseReleasableTo(string? text, out string canonical, [NotNullWhen(false)] out string? error)
    {
        canonical = string.Empty;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = raw.ToUpperInvariant();
            if (!IsEntry(entry))
            {
                error = $"'{Shorten(raw)}' is not an ISO 3166 alpha-3 code or an organisation name (2 to 16 letters or digits, e.g. NATO).";
                return false;
            }

            entries.Add(entry);
        }

        canonical = entries.Count == 0 ? string.Empty : "," + string.Join(',', entries) + ",";
        if (canonical.Length > MaxReleasableToLength)
        {
            error = $"the list is longer than {MaxReleasableToLength} characters.";
            canonical = string.Empty;
            return false;
        }

        return true;
    }

    /// <summary>The entries of a canonical Releasable To text, in order: <c>",BIH,NATO,"</c> → ["BIH", "NATO"].</summary>
    public static IReadOnlyList<string> ReleasableToEntries(string? canonical) =>
        string.IsNullOrEmpty(canonical) ? [] : canonical.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The marking as one line, e.g. "NATO RESTRICTED RELEASABLE TO BIH, NATO" or "PUBLIC".</summary>
    public static string Describe(Classification classification, string? releasableTo)
    {
        var entries = ReleasableToEntries(releasableTo);
        return entries.Count == 0 ? Label(classification) : $"{Label(classification)} RELEASABLE TO {string.Join(", ", entries)}";
    }

    /// <summary>
    /// Whether a reader of <paramref name="nationality"/> (ISO alpha-3) or <paramref name="organisation"/> is on the
    /// canonical <paramref name="releasableTo"/> list; always true for an empty list.
    /// </summary>
    public static bool IsReleasableTo(string? releasableTo, string? nationality, string? organisation) =>
        string.IsNullOrEmpty(releasableTo)
        || (!string.IsNullOrEmpty(nationality) && releasableTo.Contains("," + nationality.ToUpperInvariant() + ",", StringComparison.Ordinal))
        || (!string.IsNullOrEmpty(organisation) && releasableTo.Contains("," + organisation.ToUpperInvariant() + ",", StringComparison.Ordinal));

    /// <summary>
    /// The canonical Releasable To text of a list that releases to no one: the entry "-" is never an ISO code or an
    /// organisation (see <see cref="IsEntry"/>), so no reader is on it. <see cref="Stricter"/> gives it when two lists
    /// have no entry in common.
    /// </summary>
    public const string ReleasableToNoOne = ",-,";

    /// <summary>
    /// The marking at least as restrictive as both: the higher classification, and the entries on both Releasable To
    /// lists (an empty list restricts nothing, so the other list stands; two lists with nothing in common give
    /// <see cref="ReleasableToNoOne"/>). A history entry of a change that moved a record from one marking to another
    /// carries the stricter of the two, so that the values from before stay as hidden as they were.
    /// </summary>
    public static (Classification Classification, string ReleasableTo) Stricter(
        Classification first, string? firstReleasableTo, Classification second, string? secondReleasableTo)
    {
        var level = first >= second ? first : second;
        if (string.IsNullOrEmpty(firstReleasableTo))
        {
            return (level, secondReleasableTo ?? string.Empty);
        }

        if (string.IsNullOrEmpty(secondReleasableTo))
        {
            return (level, firstReleasableTo);
        }

        var common = ReleasableToEntries(firstReleasableTo).Intersect(ReleasableToEntries(secondReleasableTo), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (level, common.Count == 0 ? ReleasableToNoOne : "," + string.Join(',', common) + ",");
    }

    /// <summary>
    /// True when going from the first marking to the second releases the record to more readers: a lower classification,
    /// or a Releasable To list that is dropped or gains an entry.
    /// </summary>
    public static bool IsLowered(Classification from, string? fromReleasableTo, Classification to, string? toReleasableTo)
    {
        if (to < from)
        {
            return true;
        }

        if (string.IsNullOrEmpty(fromReleasableTo))
        {
            return false;
        }

        return string.IsNullOrEmpty(toReleasableTo)
            || ReleasableToEntries(toReleasableTo).Except(ReleasableToEntries(fromReleasableTo), StringComparer.Ordinal).Any();
    }

    /// <summary>True for an ISO alpha-3 code or an organisation short name (see <see cref="TryParseReleasableTo"/>), already upper-case.</summary>
    public static bool IsEntry(string entry) =>
        entry.Length is >= 2 and <= 16 && char.IsAsciiLetterUpper(entry[0]) && entry.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
