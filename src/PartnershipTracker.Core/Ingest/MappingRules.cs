using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Ingest;

/// <summary>
/// Which tables and lists become which records, by header and intro synonyms, and which area names
/// are one area. The default ships embedded (<c>Ingest/mapping.json</c>); <see cref="IngestMappingOptions.MappingFile"/> replaces it.
/// </summary>
public sealed class MappingRules
{
    public required IReadOnlyList<TableRule> Tables { get; init; }

    public required IReadOnlyList<ListRule> Lists { get; init; }

    public required IReadOnlyList<AreaAliasRule> AreaAliases { get; init; }

    /// <summary>Every header synonym, for recognising flattened tables (<c>IngestOptions.KnownHeaders</c>).</summary>
    public IReadOnlyCollection<string> KnownHeaders =>
        Tables.SelectMany(t => t.Columns.Values).SelectMany(v => v).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The rules shipped with ptrack.</summary>
    public static MappingRules Default { get; } = LoadDefault();

    /// <summary>Reads rules from a JSON file of the shape of the shipped <c>mapping.json</c>.</summary>
    /// <returns>The rules, or an error message naming the file and the problem.</returns>
    public static (MappingRules? Rules, string? Error) Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return (Parse(stream), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            return (null, $"mapping file {path}: {e.Message}");
        }
    }

    private static MappingRules LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ingest.mapping.json")
            ?? throw new InvalidOperationException("The embedded mapping.json is missing from the build.");
        return Parse(stream);
    }

    private static MappingRules Parse(Stream stream)
    {
        var file = JsonSerializer.Deserialize<MappingFile>(stream, JsonOptions)
            ?? throw new InvalidDataException("the file is empty");
        return new MappingRules
        {
            Tables = file.Tables ?? [],
            Lists = file.Lists ?? [],
            AreaAliases = file.AreaAliases ?? [],
        };
    }

    private sealed class MappingFile
    {
        [JsonPropertyName("tables")]
        public List<TableRule>? Tables { get; set; }

        [JsonPropertyName("lists")]
        public List<ListRule>? Lists { get; set; }

        [JsonPropertyName("areaAliases")]
        public List<AreaAliasRule>? AreaAliases { get; set; }
    }
}

/// <summary>
/// A kind of table: <see cref="Record"/> is "progress" (area | achievements | challenges),
/// "initiatives" or "recommendations"; <see cref="Columns"/> maps each field to the headers that mean it.
/// A table matches when every <see cref="Required"/> field has a column.
/// </summary>
public sealed class TableRule
{
    public required string Record { get; init; }

    public required Dictionary<string, List<string>> Columns { get; init; }

    public List<string> Required { get; init; } = [];
}

/// <summary>A kind of list, known by its intro ("Key issues include:"): "crossCuttingChallenges", "areas" or "recommendations".</summary>
public sealed class ListRule
{
    public required string Record { get; init; }

    public required List<string> Intros { get; init; }
}

/// <summary>Names that are one area, e.g. "Cyber Defense" and "Digital Threat Protection" are "Cybersecurity".</summary>
public sealed class AreaAliasRule
{
    public required string Area { get; init; }

    public List<string> Aliases { get; init; } = [];
}

/// <summary>Settings of the mapping (configuration section "Ingest").</summary>
public sealed class IngestMappingOptions
{
    /// <summary>A JSON file that replaces the shipped mapping rules; null for the shipped ones.</summary>
    public string? MappingFile { get; set; }
}

/// <summary>Header and intro comparison shared by the rules.</summary>
internal static class MappingText
{
    /// <summary>Compares like <see cref="AreaNames.Normalize"/>, and drops a closing colon.</summary>
    public static string Key(string text) => AreaNames.Normalize(text.TrimEnd().TrimEnd(':'));
}
