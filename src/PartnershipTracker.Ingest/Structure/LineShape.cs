using System.Text.RegularExpressions;

namespace PartnershipTracker.Ingest.Structure;

/// <summary>What a single line looks like, before its neighbours are considered.</summary>
internal static partial class LineShape
{
    /// <summary>Lines at least this long are prose, never a table cell or heading.</summary>
    public const int ProseLength = 120;

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "per", "the", "to", "vs", "with",
    };

    public static bool EndsSentence(string text) =>
        text.Length > 0 && text.TrimEnd('"', '”', '’', '\'', ')', ' ') is { Length: > 0 } t && t[^1] is '.' or '!' or '?' or '…' or ';';

    public static bool IsIntro(string text) => text.TrimEnd().EndsWith(':');

    public static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A paragraph line: long, or a sentence of six words or more.</summary>
    public static bool IsProse(string text) =>
        text.Length >= ProseLength || (EndsSentence(text) && Words(text) >= 6);

    /// <summary>"Label: text" with a short label that starts with a capital letter (not a URL or a time).</summary>
    public static (string Label, string Text)? LabelItem(string text)
    {
        var match = LabelPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var label = match.Groups["label"].Value.Trim();
        if (Words(label) > 7 || label.Contains("http", StringComparison.OrdinalIgnoreCase) || char.IsDigit(label[^1]))
        {
            return null;
        }

        return (label, match.Groups["text"].Value.Trim());
    }

    /// <summary>
    /// Share of capitalised words, not counting the first word, small words and words without letters;
    /// null when no word counts. "Focus Area" → 1, "Enhanced interoperability" → 0, "Cybersecurity" → null.
    /// </summary>
    public static double? TitleCaseRatio(string text)
    {
        var words = text.Split([' ', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
        var counted = 0;
        var capitalised = 0;
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            if (!word.Any(char.IsLetter) || SmallWords.Contains(word))
            {
                continue;
            }

            counted++;
            if (char.IsUpper(word.First(char.IsLetter)))
            {
                capitalised++;
            }
        }

        return counted == 0 ? null : (double)capitalised / counted;
    }

    /// <summary>A number, an amount, a percentage, a year or a date, and nothing else.</summary>
    public static bool IsNumeric(string text) => NumericPattern().IsMatch(text.Trim());

    /// <summary>Could stand as a heading: up to 12 words, no closing punctuation, starts with a capital letter or digit, not a number.</summary>
    public static bool IsHeadingLike(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length >= ProseLength || Words(trimmed) > 12)
        {
            return false;
        }

        if (trimmed[^1] is '.' or ',' or ';' or ':' or '!' or '?' || IsNumeric(trimmed))
        {
            return false;
        }

        return char.IsUpper(trimmed[0]) || char.IsDigit(trimmed[0]);
    }

    [GeneratedRegex(@"^(?<label>\p{Lu}[^:]{1,60}?):\s+(?<text>\S.*)$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^(?:[€$£]\s?)?[-+−]?\d[\d,.\s]*(?:%|‰| ?percent| ?(?:million|billion|m|bn|k))?$|^\d{4}-\d{2}(?:-\d{2})?$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$|^(?:\d{1,2}\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{4}$|^Q[1-4]\s\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex NumericPattern();
}
