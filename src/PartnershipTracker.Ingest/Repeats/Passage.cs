using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Repeats;

/// <summary>
/// One unit of text compared across documents: a paragraph, a list item or a table data row, with the
/// lines it covers in the document's stored text (from 1, as in <see cref="Block.Line"/>).
/// </summary>
/// <remarks>
/// Why these units and not whole blocks: a list or table is often partly shared (two reports list the same
/// three challenges among others), and a block-level comparison would dilute a shared item among the
/// unshared ones. Headings and table header rows are left out (they are too short to mean anything);
/// a list's intro is left out because it is either the last sentence of the paragraph before it, which is
/// already a passage, or a short lead-in ("Key issues include:").
/// </remarks>
/// <param name="Kind"><c>paragraph</c>, <c>list-item</c> or <c>table-row</c>.</param>
/// <param name="Line">First line of the passage.</param>
/// <param name="LineEnd">Last line of the passage (equal to <paramref name="Line"/> for a one-line passage).</param>
/// <param name="Text">The text compared: a paragraph's joined text, "Label: text" for a labelled list item,
/// a table row's cells separated by spaces (missing cells left out).</param>
public sealed record Passage(string Kind, int Line, int LineEnd, string Text)
{
    /// <summary>Every paragraph, list item and table data row of <paramref name="document"/>, in reading order, however short.</summary>
    public static IReadOnlyList<Passage> In(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var passages = new List<Passage>();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    passages.Add(new Passage("paragraph", paragraph.Line, paragraph.LineEnd, paragraph.Text));
                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        var text = item.Label is null ? item.Text : $"{item.Label}: {item.Text}";
                        passages.Add(new Passage("list-item", item.Line, item.Line, text));
                    }

                    break;
                case TableBlock table:
                    for (var row = 0; row < table.Rows.Count; row++)
                    {
                        var lines = table.CellLines[row].OfType<int>().ToList();
                        if (lines.Count > 0)
                        {
                            var text = string.Join(' ', table.Rows[row].OfType<string>());
                            passages.Add(new Passage("table-row", lines.Min(), lines.Max(), text));
                        }
                    }

                    break;
            }
        }

        return passages;
    }
}
