using System.Globalization;
using System.Text;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>How pages write values: enum names as lower-case words, partial dates as ISO 8601, lines as "line 43–45".</summary>
public static class Display
{
    /// <summary>An enum value as words: <c>InProgress</c> → "in progress", <c>Ongoing</c> → "ongoing".</summary>
    public static string Words(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>An optional enum value as words, or "—" when absent.</summary>
    public static string Words(Enum? value, string absent) => value is null ? absent : Words(value);

    /// <summary>A date as precisely as it is known (<c>2023</c>, <c>2006-12</c>, <c>2010-04-22</c>), or "—".</summary>
    public static string Date(PartialDate? date) => date?.ToString() ?? "—";

    /// <summary>"line 43" or "line 43–45" (an en dash between the first and last line).</summary>
    public static string Lines(int start, int? end) =>
        end is int last && last != start
            ? string.Create(CultureInfo.InvariantCulture, $"line {start}–{last}")
            : string.Create(CultureInfo.InvariantCulture, $"line {start}");

    /// <summary>A size in bytes for people: "50 MiB", "1.5 KiB", "812 bytes" (binary units).</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 30 => Number(Math.Round(bytes / (decimal)(1 << 30), 1)) + " GiB",
        >= 1 << 20 => Number(Math.Round(bytes / (decimal)(1 << 20), 1)) + " MiB",
        >= 1 << 10 => Number(Math.Round(bytes / (decimal)(1 << 10), 1)) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    /// <summary>A number as the source would write it: no trailing zeros, invariant culture.</summary>
    public static string Number(decimal value) => value.ToString("0.################", CultureInfo.InvariantCulture);

    /// <summary>The page of a source, at a line when given: <c>/sources/1#L40</c>.</summary>
    public static string SourceLink(int sourceId, int? line = null) =>
        line is int l
            ? string.Create(CultureInfo.InvariantCulture, $"/sources/{sourceId}#L{l}")
            : string.Create(CultureInfo.InvariantCulture, $"/sources/{sourceId}");

    /// <summary>The detail page of a record; null for a type without pages (observations are shown on their indicator, a programme on the dashboard).</summary>
    public static string? RecordLink(RecordType type, int id) => Section(type) is { } section
        ? string.Create(CultureInfo.InvariantCulture, $"/{section}/{id}")
        : null;

    /// <summary>The record type as a noun for people: "initiative", "recommendation".</summary>
    public static string Noun(RecordType type) => Words(type);

    private static string? Section(RecordType type) => type switch
    {
        RecordType.Area => "areas",
        RecordType.Achievement => "achievements",
        RecordType.Challenge => "challenges",
        RecordType.Initiative => "initiatives",
        RecordType.Milestone => "milestones",
        RecordType.Recommendation => "recommendations",
        RecordType.Indicator => "indicators",
        _ => null,
    };
}
