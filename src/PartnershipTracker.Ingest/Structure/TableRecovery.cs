using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Structure;

/// <summary>
/// Rebuilds a table that lost its layout and became one cell per line. The column count is not
/// written anywhere, so each plausible reading is scored and the cheapest wins:
/// 2 to <see cref="MaxColumns"/> columns, with or without a heading just before the header row and
/// just after the last row (a heading followed by prose is not a cell).
/// </summary>
/// <remarks>
/// The cost of a reading adds up: a last row that is short (+1; +0.3 when its last cell is cut off, +0.4
/// when the document ends there, because a cut-off document is a known kind of damage); a single data row
/// (+0.5); header cells that do not look like headers (long, closing punctuation, numbers, not in
/// title case, repeated); columns whose cells disagree in capitalisation, in being numbers, or in
/// length; a leading heading (+0.2). A trailing heading lowers the cost (-0.3) only when it is a
/// title-case phrase ("Closing Remarks"), not a value ("Launched 2023"). Header cells the caller
/// knows (<see cref="IngestOptions.KnownHeaders"/>) lower the cost by 0.4 each, and known header names
/// in data cells raise it by 0.4. Without such hints, <see cref="CommonHeaders"/> (column names
/// found in tables of any subject: "Status", "Date", "Target") do the same with weight 0.2: a header
/// cell counts when its last word is one, a data cell only when it is exactly one.
/// </remarks>
internal static class TableRecovery
{
    public const int MaxColumns = 6;

    /// <summary>A reading is rejected when it costs more than this.</summary>
    private const double MaxCost = 1.2;

    private const double KnownHeaderWeight = 0.4;
    private const double CommonHeaderWeight = 0.2;

    /// <summary>
    /// Column names used in tables whatever the subject, compared after
    /// <see cref="TextNormalizer.ForComparison"/>. Words that are often values themselves ("Total",
    /// "Budget", "Programme") are left out.
    /// </summary>
    private static readonly HashSet<string> CommonHeaders = new(StringComparer.Ordinal)
    {
        "action", "activity", "actual", "area", "baseline", "category", "comments", "country", "date", "deadline",
        "description", "details", "due", "end", "goal", "indicator", "institution", "issue", "lead", "level",
        "measure", "name", "notes", "objective", "organisation", "organization", "outcome", "owner", "period",
        "phase", "priority", "rating", "remarks", "responsible", "result", "score", "severity", "source", "start",
        "status", "target", "theme", "timeline", "title", "topic", "type", "unit", "value", "year",
    };

    /// <summary>The normalised known headers of each options object, worked out once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IngestOptions, HashSet<string>> KnownSets = [];

    public sealed record Reading(int Lead, int Trail, int Columns, double Cost);

    /// <summary>Finds the best reading of a run of short lines, or null when none is a convincing table.</summary>
    /// <param name="run">At least four consecutive short lines.</param>
    /// <param name="followedByProse">The line after the run is a paragraph (so a trailing heading is possible).</param>
    /// <param name="endsDocument">Nothing follows the run: a short last row may be where the document was cut off.</param>
    public static Reading? BestReading(IReadOnlyList<TextLine> run, bool followedByProse, bool endsDocument, IngestOptions options, CancellationToken cancellationToken)
    {
        var known = KnownSets.GetValue(options, o => new HashSet<string>(o.KnownHeaders.Select(TextNormalizer.ForComparison), StringComparer.Ordinal));
        var features = run.Select(line => new CellFeatures(line.Trimmed, known)).ToList();
        Reading? best = null;
        var canLead = run.Count > 4 && LineShape.IsHeadingLike(run[0].Text);
        var canTrail = followedByProse && LineShape.IsHeadingLike(run[^1].Text);
        var trailBonus = LineShape.TitleCaseRatio(run[^1].Text.Trim()) is 1 ? 0.3 : 0;
        for (var lead = 0; lead <= (canLead ? 1 : 0); lead++)
        {
            for (var trail = 0; trail <= (canTrail ? 1 : 0); trail++)
            {
                var cells = features.GetRange(lead, run.Count - lead - trail);
                var lastTruncated = run[run.Count - trail - 1].Truncated;
                for (var columns = 2; columns <= MaxColumns; columns++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (cells.Count < columns + 1)
                    {
                        break;
                    }

                    var cost = Cost(cells, columns, lastTruncated, endsDocument) + (lead * 0.2) - (trail * trailBonus);
                    if (best is null || cost < best.Cost - 1e-9)
                    {
                        best = new Reading(lead, trail, columns, cost);
                    }
                }
            }
        }

        return best is not null && best.Cost <= MaxCost ? best : null;
    }

    /// <summary>Builds the table of a reading; a short last row is padded with nulls and listed as incomplete.</summary>
    public static TableBlock Build(IReadOnlyList<TextLine> cells, int columns)
    {
        var header = cells.Take(columns).Select(c => c.Text.Trim()).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        var lines = new List<IReadOnlyList<int?>>();
        var truncated = new List<CellRef>();
        var incomplete = new List<int>();
        for (var start = columns; start < cells.Count; start += columns)
        {
            var row = new string?[columns];
            var rowLines = new int?[columns];
            for (var c = 0; c < columns; c++)
            {
                if (start + c >= cells.Count)
                {
                    continue;
                }

                var cell = cells[start + c];
                row[c] = cell.Text.Trim();
                rowLines[c] = cell.Number;
                if (cell.Truncated)
                {
                    truncated.Add(new CellRef(rows.Count, c));
                }
            }

            if (start + columns > cells.Count)
            {
                incomplete.Add(rows.Count);
            }

            rows.Add(row);
            lines.Add(rowLines);
        }

        return new TableBlock(cells[0].Number, cells.Max(c => c.Number), header, rows, lines, truncated, incomplete);
    }

    private static double Cost(List<CellFeatures> cells, int columns, bool lastTruncated, bool endsDocument)
    {
        var cost = 0.0;
        var dataCells = cells.Count - columns;
        var remainder = dataCells % columns;
        var dataRows = (dataCells + columns - 1) / columns;
        if (remainder != 0)
        {
            cost += lastTruncated ? 0.3 : endsDocument ? 0.4 : 1.0;
        }

        if (dataRows == 1)
        {
            cost += 0.5;
        }

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < columns; c++)
        {
            var cell = cells[c];
            cost += cell.HeaderCost;
            distinct.Add(cell.Normalized);
        }

        if (distinct.Count < columns)
        {
            cost += 0.5;
        }

        for (var i = columns; i < cells.Count; i++)
        {
            cost += cells[i].DataCost;
        }

        for (var c = 0; c < columns; c++)
        {
            cost += ColumnDisagreement(cells, columns, c);
        }

        return cost;
    }

    /// <summary>How much the cells of one column differ in kind: capitalisation, numbers, length.</summary>
    private static double ColumnDisagreement(List<CellFeatures> cells, int columns, int column)
    {
        var count = 0;
        var numeric = 0;
        double ratioSum = 0, ratioSquares = 0, lengthSum = 0, lengthSquares = 0;
        var ratios = 0;
        for (var i = columns + column; i < cells.Count; i += columns)
        {
            var cell = cells[i];
            count++;
            numeric += cell.IsNumeric ? 1 : 0;
            lengthSum += cell.LogWords;
            lengthSquares += cell.LogWords * cell.LogWords;
            if (cell.TitleCaseRatio is { } ratio)
            {
                ratios++;
                ratioSum += ratio;
                ratioSquares += ratio * ratio;
            }
        }

        if (count < 2)
        {
            return 0;
        }

        var cost = 0.0;
        if (ratios >= 2)
        {
            cost += 2 * Variance(ratioSum, ratioSquares, ratios);
        }

        var share = numeric / (double)count;
        cost += 2 * Math.Min(share, 1 - share);
        cost += 0.3 * Math.Sqrt(Variance(lengthSum, lengthSquares, count));
        return cost;
    }

    /// <summary>Population variance from a sum and a sum of squares (never below 0 from rounding).</summary>
    private static double Variance(double sum, double squares, int count)
    {
        var mean = sum / count;
        return Math.Max(0, (squares / count) - (mean * mean));
    }

    /// <summary>What scoring needs to know about one line, worked out once per run rather than once per reading.</summary>
    private sealed class CellFeatures
    {
        public CellFeatures(string text, HashSet<string> known)
        {
            Normalized = TextNormalizer.ForComparison(text);
            var words = LineShape.Words(text);
            IsNumeric = LineShape.IsNumeric(text);
            TitleCaseRatio = LineShape.TitleCaseRatio(text);
            LogWords = Math.Log(words + 1);

            // As a header cell: long, closing punctuation, a number, not title case; less for a column name.
            HeaderCost = (words > 5 ? 0.4 : 0) + (LineShape.EndsSentence(text) ? 0.4 : 0) + (IsNumeric ? 0.5 : 0)
                + (TitleCaseRatio is < 1 ? 0.3 : 0) - HeaderWeight(Normalized, known);

            // As a data cell: a column name where a value should be.
            DataCost = known.Contains(Normalized) ? KnownHeaderWeight : CommonHeaders.Contains(Normalized) ? CommonHeaderWeight : 0;
        }

        public string Normalized { get; }

        public bool IsNumeric { get; }

        public double? TitleCaseRatio { get; }

        public double LogWords { get; }

        public double HeaderCost { get; }

        public double DataCost { get; }
    }

    /// <summary>How strongly a header cell reads as a column name: known to the caller, or ending in a common column name.</summary>
    private static double HeaderWeight(string normalized, HashSet<string> known)
    {
        if (known.Contains(normalized))
        {
            return KnownHeaderWeight;
        }

        var lastWord = normalized[(normalized.LastIndexOf(' ') + 1)..];
        return CommonHeaders.Contains(lastWord) ? CommonHeaderWeight : 0;
    }
}
