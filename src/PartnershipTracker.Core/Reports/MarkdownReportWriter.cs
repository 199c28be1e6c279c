using System.Text;

namespace PartnershipTracker.Core.Reports;

/// <summary>
/// Writes GitHub-flavoured Markdown. Every string is escaped so that it reads as the text it is: Markdown
/// punctuation gets a backslash, <c>|</c> cannot end a table cell, <c>&lt;</c> cannot open HTML, and line
/// breaks inside a cell become <c>&lt;br&gt;</c>.
/// </summary>
internal sealed class MarkdownReportWriter(TextWriter output) : ReportWriter(output)
{
    private const string TruncatedMark = " *(truncated in source)*";

    public override void StartDocument(string title)
    {
        // Markdown has no document head; the title is the level-1 heading that follows.
    }

    public override void EndDocument()
    {
    }

    public override void Heading(int level, string text, string id)
    {
        Output.Write(new string('#', level));
        Output.Write(' ');
        Output.Write(Escape(text, inTable: false, atLineStart: false));
        Output.Write("\n\n");
    }

    public override void Facts(IReadOnlyList<(string Label, Inline Value)> facts)
    {
        foreach (var (label, value) in facts)
        {
            Output.Write("- **");
            Output.Write(Escape(label, inTable: false, atLineStart: false));
            Output.Write(":** ");
            Output.Write(Render(value, inTable: false));
            Output.Write('\n');
        }

        Output.Write('\n');
    }

    public override void Paragraph(Inline content)
    {
        Output.Write(Render(content, inTable: false, atLineStart: true));
        Output.Write("\n\n");
    }

    protected override void StartTable(IReadOnlyList<string> columns)
    {
        Output.Write('|');
        foreach (var column in columns)
        {
            Output.Write(' ');
            Output.Write(Escape(column, inTable: true, atLineStart: false));
            Output.Write(" |");
        }

        Output.Write("\n|");
        foreach (var _ in columns)
        {
            Output.Write(" --- |");
        }

        Output.Write('\n');
    }

    protected override void WriteRow(Row row)
    {
        Output.Write('|');
        foreach (var cell in row.Cells)
        {
            Output.Write(' ');
            for (var i = 0; i < cell.Items.Count; i++)
            {
                if (i > 0)
                {
                    Output.Write("<br>");
                }

                Output.Write(Render(cell.Items[i], inTable: true));
            }

            Output.Write(" |");
        }

        Output.Write('\n');
    }

    protected override void EndTable() => Output.Write('\n');

    private static string Render(Inline inline, bool inTable, bool atLineStart = false)
    {
        var text = new StringBuilder();
        foreach (var span in inline.Spans)
        {
            var first = atLineStart && text.Length == 0;
            switch (span.Kind)
            {
                case SpanKind.Truncated:
                    text.Append(TruncatedMark);
                    break;
                case SpanKind.Missing:
                    text.Append('—');
                    break;
                case SpanKind.Link when IsSafeLinkTarget(span.Target):
                    text.Append('[').Append(Escape(span.Text, inTable, atLineStart: false)).Append("](<")
                        .Append(span.Target!.Replace("|", "%7C", StringComparison.Ordinal)).Append(">)");
                    break;
                case SpanKind.Link:
                    text.Append(Escape(span.Text, inTable, first)).Append(" (").Append(Escape(span.Target!, inTable, atLineStart: false)).Append(')');
                    break;
                default:
                    text.Append(Escape(span.Text, inTable, first));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Escapes <paramref name="text"/> so that Markdown shows it literally. In a table, line breaks become
    /// &lt;br&gt;; elsewhere a backslash line break. <paramref name="atLineStart"/>: the text begins a line, where
    /// "#", "-", "+", "=" and "1." would start a block.
    /// </summary>
    internal static string Escape(string text, bool inTable, bool atLineStart)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var lineStart = atLineStart || l > 0;
            if (l > 0)
            {
                escaped.Append(inTable ? "<br>" : "\\\n");
            }

            if (lineStart)
            {
                line = line.TrimStart();
            }

            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                var escape = c switch
                {
                    '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' => true,
                    '&' => i + 1 < line.Length && (char.IsAsciiLetter(line[i + 1]) || line[i + 1] == '#'),
                    '#' or '-' or '+' or '=' => lineStart && i == 0,
                    '.' or ')' => lineStart && i > 0 && IsAllDigits(line.AsSpan(0, i)),
                    _ => false,
                };
                if (escape)
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeLinkTarget(string? url) =>
        HtmlReportWriter.IsWebAddress(url) && !url!.Any(c => char.IsWhiteSpace(c) || c is '<' or '>');
}
