namespace PartnershipTracker.Core.Reports;

/// <summary>
/// A table row. <see cref="Id"/> is an anchor other parts of the report link to and <see cref="Class"/> a style
/// ("overlap"); both HTML only.
/// </summary>
internal sealed record Row(IReadOnlyList<Cell> Cells, string? Id = null, string? Class = null);

/// <summary>
/// Writes the report's building blocks in one format. <see cref="ProgrammeReport"/> decides what goes in;
/// a writer decides only how it looks, and escapes every string it is given.
/// </summary>
internal abstract class ReportWriter(TextWriter output)
{
    protected TextWriter Output { get; } = output;

    public abstract void StartDocument(string title);

    public abstract void EndDocument();

    /// <param name="level">1 for the title, 2 for a section, 3 within a section.</param>
    /// <param name="id">The anchor of the heading (HTML), lower case with dashes.</param>
    public abstract void Heading(int level, string text, string id);

    /// <summary>Label–value pairs, e.g. the programme's alliance and partner.</summary>
    public abstract void Facts(IReadOnlyList<(string Label, Inline Value)> facts);

    public abstract void Paragraph(Inline content);

    /// <summary>
    /// A table with a header row; rows are written as they are enumerated, so a large table is never held in
    /// memory. With no rows, <paramref name="empty"/> is written as a paragraph instead.
    /// </summary>
    public void Table(IReadOnlyList<string> columns, IEnumerable<Row> rows, string empty = "None recorded.")
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            Paragraph(new Inline().Plain(empty));
            return;
        }

        StartTable(columns);
        do
        {
            WriteRow(enumerator.Current);
        }
        while (enumerator.MoveNext());
        EndTable();
    }

    protected abstract void StartTable(IReadOnlyList<string> columns);

    protected abstract void WriteRow(Row row);

    protected abstract void EndTable();
}
