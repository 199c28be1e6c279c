using System.Globalization;
using System.Text.RegularExpressions;

namespace PartnershipTracker.Core.Examples;

/// <summary>
/// Reads numbers out of the value texts of sourced facts ("about €171 million", "23 of 63 registered",
/// "54% (2007), 61% (2008)"). Each reader returns null or nothing when the text does not have the shape it
/// reads; none guesses.
/// </summary>
public static partial class FactValues
{
    /// <summary>
    /// The first number in <paramref name="text"/>: "0.74%" → 0.74, "about €171 million (95% …)" → 171,
    /// "1,300 members" → 1300 (a comma followed by three digits groups thousands). Null when there is none.
    /// </summary>
    public static decimal? FirstNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = NumberPattern().Match(text);
        return match.Success ? ParseNumber(match.Value) : null;
    }

    /// <summary>The first "N of M" in <paramref name="text"/>: "MoD: 31 of 57 registered" → (31, 57). Null when there is none.</summary>
    public static (decimal Part, decimal Whole)? PartOfWhole(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = PartOfWholePattern().Match(text);
        return match.Success
            ? (ParseNumber(match.Groups["part"].Value), ParseNumber(match.Groups["whole"].Value))
            : null;
    }

    /// <summary>
    /// Every "P% (YYYY)" in <paramref name="text"/>, in order: "54% (2007), 61% (2008)" → (54, 2007), (61, 2008).
    /// </summary>
    public static IReadOnlyList<(decimal Percent, int Year)> PercentByYear(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return PercentByYearPattern().Matches(text)
            .Select(m => (ParseNumber(m.Groups["percent"].Value), int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static decimal ParseNumber(string text) =>
        decimal.Parse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<![\d.])(?<part>\d+(?:\.\d+)?)\s+of\s+(?<whole>\d+(?:\.\d+)?)(?![\d.])")]
    private static partial Regex PartOfWholePattern();

    [GeneratedRegex(@"(?<![\d.])(?<percent>\d+(?:\.\d+)?)\s*%\s*\((?<year>(?:19|20)\d{2})\)")]
    private static partial Regex PercentByYearPattern();
}
