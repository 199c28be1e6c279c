using System.Globalization;
using System.Text;
using System.Text.Json;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Infrastructure;

/// <summary>
/// How a record's history reads on its page: a field by its label ("Lead institution"), a value as stored (enum
/// names such as <c>Stalled</c>, partial dates as ISO text), "—" for none; ids of linked records by the linked
/// record's name when it is known.
/// </summary>
public static class HistoryText
{
    /// <summary>The fields that hold the id of another record, and that record's type.</summary>
    public static readonly IReadOnlyDictionary<string, RecordType> LinkFields = new Dictionary<string, RecordType>(StringComparer.Ordinal)
    {
        ["AreaId"] = RecordType.Area,
        ["InitiativeId"] = RecordType.Initiative,
        ["PreviousVersionId"] = RecordType.Source,
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["AreaId"] = "Area",
        ["InitiativeId"] = "Initiative",
        ["PreviousVersionId"] = "Previous version",
        ["StatusLabel"] = "Label in source",
        ["Start"] = "Since",
        ["End"] = "Until",
        ["Sha256"] = "SHA-256",
        ["Url"] = "URL",
        ["PublishedOn"] = "Published",
        ["RetrievedAt"] = "Retrieved",
        ["IngestReportJson"] = "Ingest report",
        ["UnmappedStructureJson"] = "Unmapped structure",
    };

    /// <summary>A field's label: "LeadInstitution" → "Lead institution", "AreaId" → "Area".</summary>
    public static string Label(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Labels.TryGetValue(field, out var label))
        {
            return label;
        }

        var text = new StringBuilder(field.Length + 4);
        for (var i = 0; i < field.Length; i++)
        {
            text.Append(i == 0 ? char.ToUpperInvariant(field[i]) : i > 0 && char.IsUpper(field[i]) ? ' ' + char.ToLowerInvariant(field[i]).ToString() : field[i].ToString());
        }

        return text.ToString();
    }

    /// <summary>
    /// A stored value for people: text as it is, true/false as yes/no, numbers as written, a list joined with
    /// commas, "—" for none. <paramref name="names"/> turns the id of a linked record into its name.
    /// </summary>
    public static string Value(JsonElement value, Func<int, string?>? names = null) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Number when names is not null && value.TryGetInt32(out var id) => names(id) ?? "#" + id.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "none" : string.Join(", ", value.EnumerateArray().Select(v => Value(v))),
        JsonValueKind.Object => value.GetRawText(),
        _ => "—",
    };

    /// <summary>When a change was made, to the minute in UTC: "2026-11-29 21:17 UTC".</summary>
    public static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
