using System.Text;
using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Structure;

/// <summary>
/// Turns cleaned lines into blocks: headings, paragraphs (hard-wrapped lines joined), lists
/// ("Label: text" items, or sentences after an intro ending in a colon) and tables flattened to one
/// cell per line (see <see cref="TableRecovery"/>).
/// </summary>
internal static class StructureRecovery
{
    /// <param name="stream">Cleaned lines in reading order, without blank lines.</param>
    /// <param name="blankBefore">Line numbers that had a blank line before them in the document.</param>
    public static List<Block> Recover(
        IReadOnlyList<TextLine> stream, IReadOnlySet<int> blankBefore, IngestOptions options, List<IngestWarning> warnings, CancellationToken cancellationToken)
    {
        var blocks = new List<Block>();
        var i = 0;
        while (i < stream.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = stream[i];
            var text = line.Trimmed;

            if (line.Kind != LineKind.Text)
            {
                i = MarkedUp(stream, i, blocks);
                continue;
            }

            if (line.IsIntro)
            {
                var items = ListItemsAfter(stream, i + 1, out var next);
                if (items.Count > 0)
                {
                    var intro = text;
                    if (line.IsProse || LastSentence(text) != text)
                    {
                        blocks.Add(new ParagraphBlock(line.Number, line.Number, text, line.Truncated));
                        intro = LastSentence(text);
                    }

                    blocks.Add(new ListBlock(line.Number, intro, items));
                    i = next;
                    continue;
                }
            }

            if (line.LabelItem is not null && i + 1 < stream.Count && stream[i + 1].Kind == LineKind.Text && stream[i + 1].LabelItem is not null)
            {
                var items = new List<ListItem>();
                var j = i;
                while (j < stream.Count && stream[j].Kind == LineKind.Text && stream[j].LabelItem is { } item)
                {
                    items.Add(new ListItem(item.Label, item.Text, stream[j].Number, stream[j].Truncated));
                    j++;
                }

                blocks.Add(new ListBlock(line.Number, null, items));
                i = j;
                continue;
            }

            // A lone "Label: text" line is neither a list nor a cell: it falls through to a paragraph.
            if (IsShortCell(line) && !JoinsNext(stream, i, blankBefore))
            {
                i = ShortRun(stream, i, blankBefore, options, blocks, warnings, cancellationToken);
                continue;
            }

            i = Paragraph(stream, i, blankBefore, blocks);
        }

        return blocks;
    }

    /// <summary>List items from <paramref name="start"/>: all "Label: text" items, or all sentences.</summary>
    private static List<ListItem> ListItemsAfter(IReadOnlyList<TextLine> stream, int start, out int next)
    {
        var items = new List<ListItem>();
        var labelled = start < stream.Count && stream[start].LabelItem is not null;
        next = start;
        while (next < stream.Count)
        {
            var line = stream[next];
            var text = line.Trimmed;
            if (line.Kind != LineKind.Text)
            {
                break;
            }

            if (labelled && line.LabelItem is { } item)
            {
                items.Add(new ListItem(item.Label, item.Text, line.Number, line.Truncated));
            }
            else if (!labelled && line.EndsSentence && !line.IsIntro && text.Length < 400)
            {
                items.Add(new ListItem(null, text, line.Number, line.Truncated));
            }
            else
            {
                break;
            }

            next++;
        }

        return items;
    }

    /// <summary>A run of short lines: a table when one reads convincingly, else headings.</summary>
    private static int ShortRun(
        IReadOnlyList<TextLine> stream,
        int start,
        IReadOnlySet<int> blankBefore,
        IngestOptions options,
        List<Block> blocks,
        List<IngestWarning> warnings,
        CancellationToken cancellationToken)
    {
        var end = start;
        while (end < stream.Count && IsShortCell(stream[end]) && !JoinsNext(stream, end, blankBefore))
        {
            end++;
        }

        var run = stream.Skip(start).Take(end - start).ToList();
        var followedByProse = end < stream.Count && (stream[end].IsProse || JoinsNext(stream, end, blankBefore));
        var reading = run.Count >= 4 ? TableRecovery.BestReading(run, followedByProse, end == stream.Count, options, cancellationToken) : null;
        if (reading is null)
        {
            foreach (var line in run)
            {
                blocks.Add(ShortLineBlock(line));
            }

            return end;
        }

        if (reading.Lead == 1)
        {
            blocks.Add(new HeadingBlock(run[0].Number, run[0].Text.Trim()));
        }

        var cells = run.Skip(reading.Lead).Take(run.Count - reading.Lead - reading.Trail).ToList();
        var table = TableRecovery.Build(cells, reading.Columns);
        blocks.Add(table);
        foreach (var cell in table.TruncatedCells)
        {
            // The cell's warning says more than the line's: it replaces it.
            var line = table.CellLines[cell.Row][cell.Column];
            warnings.RemoveAll(w => w.Code == "truncated" && w.Line == line);
            warnings.Add(new IngestWarning(
                "truncated-cell",
                $"table cell \"{table.Rows[cell.Row][cell.Column]}\" (column \"{table.Columns[cell.Column]}\") is cut off in the source",
                table.CellLines[cell.Row][cell.Column]));
        }

        foreach (var row in table.IncompleteRows)
        {
            var missing = table.Rows[row].Count(c => c is null);
            warnings.Add(new IngestWarning(
                "incomplete-row",
                $"table row {row + 1} of \"{string.Join(" | ", table.Columns)}\" is missing {missing} of {table.Columns.Count} cells",
                table.CellLines[row].FirstOrDefault(l => l is not null)));
        }

        if (reading.Trail == 1)
        {
            blocks.Add(new HeadingBlock(run[^1].Number, run[^1].Text.Trim()));
        }

        return end;
    }

    private static bool IsShortCell(TextLine line) =>
        line.Kind == LineKind.Text && !line.IsProse && !line.IsIntro && line.LabelItem is null;

    /// <summary>
    /// Lines whose structure the markup states: a heading; consecutive list items of one list (an intro is the
    /// last sentence of the paragraph before, when it ends with a colon; a paragraph that is only a short intro
    /// becomes the list's start); consecutive rows of one table, the first its header. A row
    /// shorter than the header is padded with nulls and listed as incomplete.
    /// </summary>
    private static int MarkedUp(IReadOnlyList<TextLine> stream, int start, List<Block> blocks)
    {
        var first = stream[start];
        var end = start + 1;
        while (end < stream.Count && stream[end].Kind == first.Kind && stream[end].Group == first.Group && first.Kind != LineKind.Heading)
        {
            end++;
        }

        switch (first.Kind)
        {
            case LineKind.Heading:
                blocks.Add(new HeadingBlock(first.Number, first.Trimmed));
                break;
            case LineKind.ListItem:
                var intro = blocks.Count > 0 && blocks[^1] is ParagraphBlock { Text: var before } && LineShape.IsIntro(before) ? LastSentence(before) : null;
                var listLine = first.Number;
                if (intro is not null && blocks[^1] is ParagraphBlock { Text: var only } paragraph && intro == only.Trim() && !LineShape.IsProse(only))
                {
                    // A paragraph that is only the intro is the list's start, as in text recovery, not a paragraph too.
                    blocks.RemoveAt(blocks.Count - 1);
                    listLine = paragraph.Line;
                }

                var items = new List<ListItem>();
                for (var i = start; i < end; i++)
                {
                    var item = stream[i];
                    items.Add(item.LabelItem is { } labelled
                        ? new ListItem(labelled.Label, labelled.Text, item.Number, item.Truncated)
                        : new ListItem(null, item.Trimmed, item.Number, item.Truncated));
                }

                blocks.Add(new ListBlock(listLine, intro, items));
                break;
            default:
                blocks.Add(MarkedUpTable(stream, start, end));
                break;
        }

        return end;
    }

    private static TableBlock MarkedUpTable(IReadOnlyList<TextLine> stream, int start, int end)
    {
        var header = stream[start].Cells!.Select(c => c.Trim()).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        var lines = new List<IReadOnlyList<int?>>();
        var incomplete = new List<int>();
        for (var i = start + 1; i < end; i++)
        {
            var cells = stream[i].Cells!;
            var row = new string?[header.Count];
            var rowLines = new int?[header.Count];
            for (var c = 0; c < header.Count && c < cells.Count; c++)
            {
                // An empty cell holds no value: null, as a missing one.
                row[c] = cells[c].Trim() is { Length: > 0 } value ? value : null;
                rowLines[c] = row[c] is null ? null : stream[i].Number;
            }

            if (cells.Count < header.Count)
            {
                incomplete.Add(rows.Count);
            }

            rows.Add(row);
            lines.Add(rowLines);
        }

        return new TableBlock(stream[start].Number, stream[end - 1].Number, header, rows, lines, [], incomplete);
    }

    private static Block ShortLineBlock(TextLine line)
    {
        var text = line.Trimmed;
        return LineShape.IsHeadingLike(text) && !line.Truncated
            ? new HeadingBlock(line.Number, text)
            : new ParagraphBlock(line.Number, line.Number, text, line.Truncated);
    }

    /// <summary>
    /// The line at <paramref name="index"/> is hard-wrapped: it does not end a sentence or introduce a
    /// list, and the next line follows it without a blank line and starts in lower case.
    /// </summary>
    private static bool JoinsNext(IReadOnlyList<TextLine> stream, int index, IReadOnlySet<int> blankBefore)
    {
        var line = stream[index];
        return index + 1 < stream.Count
            && line.Kind == LineKind.Text
            && stream[index + 1].Kind == LineKind.Text
            && !line.Truncated
            && !line.EndsSentence
            && !line.IsIntro
            && !blankBefore.Contains(stream[index + 1].Number)
            && stream[index + 1].Text.TrimStart() is { Length: > 0 } following
            && char.IsLower(following[0]);
    }

    /// <summary>A paragraph; a line that does not end a sentence and is followed, without a blank line, by one starting in lower case is joined to it.</summary>
    private static int Paragraph(IReadOnlyList<TextLine> stream, int start, IReadOnlySet<int> blankBefore, List<Block> blocks)
    {
        var first = stream[start];
        var text = new StringBuilder(first.Trimmed);
        var last = first;
        var next = start + 1;
        while (JoinsNext(stream, next - 1, blankBefore))
        {
            // Appended, not concatenated: a paragraph of 20,000 wrapped lines took ten seconds that way.
            last = stream[next];
            text.Append(' ').Append(last.Trimmed);
            next++;
        }

        blocks.Add(new ParagraphBlock(first.Number, last.Number, text.ToString(), last.Truncated));
        return next;
    }

    /// <summary>The last sentence of a paragraph: "… support from the Alliance. Key issues include:" → "Key issues include:".</summary>
    private static string LastSentence(string text)
    {
        var body = text.TrimEnd()[..^1];
        var cut = Math.Max(body.LastIndexOf(". ", StringComparison.Ordinal), Math.Max(body.LastIndexOf("! ", StringComparison.Ordinal), body.LastIndexOf("? ", StringComparison.Ordinal)));
        return cut < 0 ? text.Trim() : text[(cut + 2)..].Trim();
    }
}
