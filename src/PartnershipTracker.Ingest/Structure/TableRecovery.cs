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
/// The cost of a reading adds up: a last row that is short (+1, +0.3 when its last cell is cut off);
/// a single data row (+0.5); header cells that do not look like headers (long, closing punctuation,
/// numbers, not in title case, repeated); columns whose cells disagree in capitalisation, in being
/// numbers, or in length; a leading heading (+0.2). Header cells the caller knows
/// (<see cref="IngestOptions.KnownHeaders"/>) lower the cost, and known header names in data cells raise it.
/// </remarks>
internal static class TableRecovery
{
    public const int MaxColumns = 6;

    /// <summary>A reading is rejected when it costs more than this.</summary>
    private const double MaxCost = 1.2;

    public sealed record Reading(int Lead, int Trail, int Columns, double Cost);

    /// <summary>Finds the best reading of a run of short lines, or null when none is a convincing table.</summary>
    /// <param name="run">At least four consecutive short lines.</param>
    /// <param name="followedByProse">The line after the run is a paragraph (so a trailing heading is possible).</param>
    public static Reading? BestReading(IReadOnlyList<TextLine> run, bool followedByProse, IngestOptions options)
    {
        var known = new HashSet<string>(options.KnownHeaders.Select(TextNormalizer.ForComparison), StringComparer.Ordinal);
        Reading? best = null;
        var canLead = run.Count > 4 && LineShape.IsHeadingLike(run[0].Text);
        var canTrail = followedByProse && LineShape.IsHeadingLike(run[^1].Text);
        for (var lead = 0; lead <= (canLead ? 1 : 0); lead++)
        {
            for (var trail = 0; trail <= (canTrail ? 1 : 0); trail++)
            {
                var cells = run.Skip(lead).Take(run.Count - lead - trail).ToList();
                for (var columns = 2; columns <= MaxColumns; columns++)
                {
                    if (cells.Count < columns + 1)
                    {
                        break;
                    }

                    var cost = Cost(cells, columns, known) + (lead * 0.2) - (trail * 0.3);
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

    private static double Cost(List<TextLine> cells, int columns, HashSet<string> known)
    {
        var cost = 0.0;
        var dataCells = cells.Count - columns;
        var remainder = dataCells % columns;
        var dataRows = (dataCells + columns - 1) / columns;
        if (remainder != 0)
        {
            cost += cells[^1].Truncated ? 0.3 : 1.0;
        }

        if (dataRows == 1)
        {
            cost += 0.5;
        }

        var header = cells.Take(columns).Select(c => c.Text.Trim()).ToList();
        foreach (var cell in header)
        {
            if (LineShape.Words(cell) > 5)
            {
                cost += 0.4;
            }

            if (LineShape.EndsSentence(cell))
            {
                cost += 0.4;
            }

            if (LineShape.IsNumeric(cell))
            {
                cost += 0.5;
            }

            if (LineShape.TitleCaseRatio(cell) is < 1)
            {
                cost += 0.3;
            }

            if (known.Contains(TextNormalizer.ForComparison(cell)))
            {
                cost -= 0.4;
            }
        }

        if (header.Distinct(StringComparer.OrdinalIgnoreCase).Count() < header.Count)
        {
            cost += 0.5;
        }

        for (var i = columns; i < cells.Count; i++)
        {
            if (known.Contains(TextNormalizer.ForComparison(cells[i].Text)))
            {
                cost += 0.4;
            }
        }

        for (var c = 0; c < columns; c++)
        {
            var column = new List<string>();
            for (var i = columns + c; i < cells.Count; i += columns)
            {
                column.Add(cells[i].Text.Trim());
            }

            cost += ColumnDisagreement(column);
        }

        return cost;
    }

    /// <summary>How much the cells of one column differ in kind: capitalisation, numbers, length.</summary>
    private static double ColumnDisagreement(List<string> column)
    {
        if (column.Count < 2)
        {
            return 0;
        }

        var ratios = column.Select(LineShape.TitleCaseRatio).OfType<double>().ToList();
        var cost = 0.0;
        if (ratios.Count >= 2)
        {
            cost += 2 * Variance(ratios);
        }

        var numeric = column.Count(LineShape.IsNumeric) / (double)column.Count;
        cost += 2 * Math.Min(numeric, 1 - numeric);

        var lengths = column.Select(x => Math.Log(LineShape.Words(x) + 1)).ToList();
        cost += 0.3 * Math.Sqrt(Variance(lengths));
        return cost;
    }

    private static double Variance(List<double> values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Count;
    }
}
