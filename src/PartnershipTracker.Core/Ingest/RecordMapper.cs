using PartnershipTracker.Domain;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Core.Ingest;

/// <summary>
/// Maps recovered structure to records by table headers and list intros (<see cref="MappingRules"/>).
/// Pure: it reads no database. Every record carries the passage and lines it came from; a cell the
/// source cut off stays as it is and the record is marked truncated. Empty cells give no record.
/// </summary>
public sealed class RecordMapper(MappingRules rules)
{
    private readonly Dictionary<string, string> _canonicalArea = BuildAliasIndex(rules);

    public MappedRecords Map(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var areas = new AreaCollector(_canonicalArea);
        var achievements = new List<MappedAchievement>();
        var challenges = new List<MappedChallenge>();
        var initiatives = new List<MappedInitiative>();
        var recommendations = new List<MappedRecommendation>();
        var unmapped = new List<UnmappedBlock>();
        var warnings = new List<IngestWarning>();

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case TableBlock table:
                    var match = MatchTable(table);
                    if (match is null)
                    {
                        unmapped.Add(new UnmappedBlock("table", table.Line, string.Join(" | ", table.Columns)));
                        continue;
                    }

                    var (rule, columns) = match.Value;
                    for (var r = 0; r < table.Rows.Count; r++)
                    {
                        var row = new TableRow(table, r, columns);
                        switch (rule.Record)
                        {
                            case "progress":
                                MapProgressRow(row, areas, achievements, challenges);
                                break;
                            case "initiatives":
                                MapInitiativeRow(row, areas, initiatives, warnings);
                                break;
                            case "recommendations":
                                MapRecommendationRow(row, areas, recommendations);
                                break;
                        }
                    }

                    break;
                case ListBlock list:
                    var listRule = MatchList(list);
                    if (listRule is null)
                    {
                        unmapped.Add(new UnmappedBlock("list", list.Line, list.Intro ?? $"{list.Items.Count} items"));
                        continue;
                    }

                    MapList(list, listRule.Record, areas, challenges, recommendations);
                    break;
            }
        }

        return new MappedRecords(areas.ToList(), achievements, challenges, initiatives, recommendations, unmapped, warnings);
    }

    private static void MapProgressRow(TableRow row, AreaCollector areas, List<MappedAchievement> achievements, List<MappedChallenge> challenges)
    {
        var area = areas.Mention(row.Cell("area"), null, row.Evidence);
        if (row.Cell("achievements") is { } achievement)
        {
            achievements.Add(new MappedAchievement(area, achievement, row.Truncated("achievements"), row.Evidence));
        }

        if (row.Cell("challenges") is { } challenge)
        {
            challenges.Add(new MappedChallenge(area, challenge, null, row.Truncated("challenges"), row.Evidence));
        }
    }

    private static void MapInitiativeRow(TableRow row, AreaCollector areas, List<MappedInitiative> initiatives, List<IngestWarning> warnings)
    {
        if (row.Cell("name") is not { } name)
        {
            return;
        }

        var focusArea = row.Cell("area");
        var area = areas.Mention(focusArea, null, row.Evidence);
        var label = row.Cell("status");
        var (status, since) = InitiativeStatusLabel.Parse(label);
        if (label is not null && status is null)
        {
            warnings.Add(new IngestWarning(
                "unrecognised-status",
                $"initiative \"{name}\": status \"{label}\" names no known status (planned, launched, ongoing, completed, stalled, cancelled); kept as written, status left empty",
                row.Evidence.Line));
        }

        // "Completed 2025" says when it ended, not when it started; "Stalled 2024" says neither.
        var (yearIsStart, yearIsEnd) = status switch
        {
            InitiativeStatus.Completed or InitiativeStatus.Cancelled => (false, true),
            InitiativeStatus.Stalled => (false, false),
            _ => (true, false),
        };
        var start = PartialDate.FromText(row.Cell("start")) ?? (yearIsStart ? since : null);
        var end = yearIsEnd ? since : null;
        initiatives.Add(new MappedInitiative(
            name, area, focusArea, status, label, start, end, row.Cell("lead"), row.AnyTruncated, row.Evidence));
    }

    private static void MapRecommendationRow(TableRow row, AreaCollector areas, List<MappedRecommendation> recommendations)
    {
        if (row.Cell("action") is not { } action)
        {
            return;
        }

        var focusArea = row.Cell("area");
        var area = areas.Mention(focusArea, null, row.Evidence);
        recommendations.Add(new MappedRecommendation(area, focusArea, action, row.Cell("outcome"), row.AnyTruncated, row.Evidence));
    }

    private static void MapList(ListBlock list, string record, AreaCollector areas, List<MappedChallenge> challenges, List<MappedRecommendation> recommendations)
    {
        foreach (var item in list.Items)
        {
            var quote = item.Label is null ? item.Text : $"{item.Label}: {item.Text}";
            var evidence = new EvidenceRef(quote, item.Line, item.Line);
            switch (record)
            {
                case "crossCuttingChallenges":
                    challenges.Add(new MappedChallenge(null, item.Label ?? item.Text, item.Label is null ? null : item.Text, item.Truncated, evidence));
                    break;
                case "areas" when item.Label is not null:
                    areas.Mention(item.Label, item.Text, evidence);
                    break;
                case "recommendations":
                    recommendations.Add(new MappedRecommendation(null, null, item.Text, null, item.Truncated, evidence));
                    break;
            }
        }
    }

    private (TableRule Rule, Dictionary<string, int> Columns)? MatchTable(TableBlock table)
    {
        (TableRule Rule, Dictionary<string, int> Columns)? best = null;
        foreach (var rule in rules.Tables)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (field, synonyms) in rule.Columns)
            {
                var keys = synonyms.Select(MappingText.Key).ToHashSet(StringComparer.Ordinal);
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    if (keys.Contains(MappingText.Key(table.Columns[c])) && !columns.ContainsValue(c))
                    {
                        columns[field] = c;
                        break;
                    }
                }
            }

            if (rule.Required.All(columns.ContainsKey) && columns.Count > 0 && (best is null || columns.Count > best.Value.Columns.Count))
            {
                best = (rule, columns);
            }
        }

        return best;
    }

    private ListRule? MatchList(ListBlock list)
    {
        if (list.Intro is null)
        {
            return null;
        }

        var intro = MappingText.Key(list.Intro);
        return rules.Lists.FirstOrDefault(r => r.Intros.Any(i => intro.EndsWith(MappingText.Key(i), StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> BuildAliasIndex(MappingRules rules)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules.AreaAliases)
        {
            index[AreaNames.Normalize(rule.Area)] = rule.Area;
            foreach (var alias in rule.Aliases)
            {
                index[AreaNames.Normalize(alias)] = rule.Area;
            }
        }

        return index;
    }

    /// <summary>One data row of a matched table, read by field name.</summary>
    private sealed class TableRow(TableBlock table, int row, Dictionary<string, int> columns)
    {
        public string? Cell(string field) =>
            columns.TryGetValue(field, out var c) && table.Rows[row][c] is { Length: > 0 } value ? value : null;

        public bool Truncated(string field) =>
            columns.TryGetValue(field, out var c) && table.TruncatedCells.Contains(new CellRef(row, c));

        public bool AnyTruncated => table.TruncatedCells.Any(t => t.Row == row);

        public EvidenceRef Evidence
        {
            get
            {
                var lines = table.CellLines[row].OfType<int>().ToList();
                var quote = string.Join(" | ", table.Rows[row].Select(c => c ?? "(missing)"));
                return new EvidenceRef(quote, lines.Min(), lines.Max());
            }
        }
    }

    /// <summary>Collects areas under their canonical names, merging aliases and keeping every mention.</summary>
    private sealed class AreaCollector(Dictionary<string, string> canonical)
    {
        private readonly List<CollectedArea> _areas = [];
        private readonly Dictionary<string, CollectedArea> _byKey = new(StringComparer.Ordinal);

        /// <returns>The canonical name, or null for a missing name.</returns>
        public string? Mention(string? name, string? description, EvidenceRef evidence)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            var seen = name.Trim();
            var canonicalName = canonical.GetValueOrDefault(AreaNames.Normalize(seen), seen);
            var key = AreaNames.Normalize(canonicalName);
            if (!_byKey.TryGetValue(key, out var area))
            {
                area = new CollectedArea(canonicalName);
                _byKey[key] = area;
                _areas.Add(area);
            }

            if (!area.Seen.Contains(seen, StringComparer.Ordinal))
            {
                area.Seen.Add(seen);
            }

            if (!area.Evidence.Contains(evidence))
            {
                area.Evidence.Add(evidence);
            }

            area.Description ??= description;
            return area.Name;
        }

        public List<MappedArea> ToList() =>
            _areas.Select(a => new MappedArea(a.Name, a.Description, a.Seen, a.Evidence)).ToList();

        private sealed class CollectedArea(string name)
        {
            public string Name { get; } = name;

            public List<string> Seen { get; } = [];

            public List<EvidenceRef> Evidence { get; } = [];

            public string? Description { get; set; }
        }
    }
}
