using System.Net;

namespace PartnershipTracker.Core.Reports;

/// <summary>
/// Writes one self-contained HTML file: inline CSS (with a print stylesheet), no scripts, no external
/// requests (a Content-Security-Policy says so to the browser too). Every string is HTML-encoded; only http
/// and https addresses become links. Each table row is written on one line.
/// </summary>
internal sealed class HtmlReportWriter(TextWriter output) : ReportWriter(output)
{
    private const string Style =
        """
        :root { color-scheme: light; --line: #c8ccd2; --muted: #5b6270; --accent: #1f4e8c; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
        h1 { font-size: 1.7rem; margin: 0 0 1rem; }
        h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        a { color: var(--accent); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .93rem; }
        th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        td ul { margin: 0; padding-left: 1.1rem; }
        .cite { color: var(--muted); font-size: .85em; white-space: nowrap; }
        .missing { color: var(--muted); }
        mark.truncated { background: #ffe08a; color: #4a3a00; padding: 0 .25em; border-radius: 2px; font-size: .85em; }
        tr.overlap td { background: #f6f8fb; }
        tr:target td { outline: 2px solid var(--accent); }
        code { font-size: .9em; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { break-after: avoid; }
          h3 { break-after: avoid; }
          table { font-size: 9pt; }
          tr, dl.facts { break-inside: avoid; }
          .table { overflow: visible; }
          a { color: inherit; text-decoration: none; }
          mark.truncated { border: 1px solid #4a3a00; }
          @page { margin: 16mm 14mm; }
        }
        """;

    public override void StartDocument(string title)
    {
        Output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        Output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        Output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        Output.Write("<meta name=\"generator\" content=\"ptrack\">\n");
        Output.Write("<title>");
        Encode(title);
        Output.Write("</title>\n<style>\n");
        Output.Write(Style);
        Output.Write("\n</style>\n</head>\n<body>\n<main>\n");
    }

    public override void EndDocument() => Output.Write("</main>\n</body>\n</html>\n");

    public override void Heading(int level, string text, string id)
    {
        Output.Write($"<h{level} id=\"");
        EncodeAttribute(id);
        Output.Write("\">");
        Encode(text);
        Output.Write($"</h{level}>\n");
    }

    public override void Facts(IReadOnlyList<(string Label, Inline Value)> facts)
    {
        Output.Write("<dl class=\"facts\">\n");
        foreach (var (label, value) in facts)
        {
            Output.Write("<dt>");
            Encode(label);
            Output.Write("</dt><dd>");
            Write(value);
            Output.Write("</dd>\n");
        }

        Output.Write("</dl>\n");
    }

    public override void Paragraph(Inline content)
    {
        Output.Write("<p>");
        Write(content);
        Output.Write("</p>\n");
    }

    protected override void StartTable(IReadOnlyList<string> columns)
    {
        Output.Write("<div class=\"table\"><table>\n<thead><tr>");
        foreach (var column in columns)
        {
            Output.Write("<th scope=\"col\">");
            Encode(column);
            Output.Write("</th>");
        }

        Output.Write("</tr></thead>\n<tbody>\n");
    }

    protected override void WriteRow(Row row)
    {
        Output.Write("<tr");
        if (row.Id is not null)
        {
            Output.Write(" id=\"");
            EncodeAttribute(row.Id);
            Output.Write('"');
        }

        if (row.Class is not null)
        {
            Output.Write(" class=\"");
            EncodeAttribute(row.Class);
            Output.Write('"');
        }

        Output.Write('>');
        foreach (var cell in row.Cells)
        {
            Output.Write("<td>");
            if (cell.Items.Count == 1)
            {
                Write(cell.Items[0]);
            }
            else
            {
                Output.Write("<ul>");
                foreach (var item in cell.Items)
                {
                    Output.Write("<li>");
                    Write(item);
                    Output.Write("</li>");
                }

                Output.Write("</ul>");
            }

            Output.Write("</td>");
        }

        Output.Write("</tr>\n");
    }

    protected override void EndTable() => Output.Write("</tbody>\n</table></div>\n");

    private void Write(Inline inline)
    {
        foreach (var span in inline.Spans)
        {
            switch (span.Kind)
            {
                case SpanKind.Missing:
                    Output.Write("<span class=\"missing\">");
                    Encode(span.Text);
                    Output.Write("</span>");
                    break;
                case SpanKind.Truncated:
                    Output.Write(" <mark class=\"truncated\">");
                    Encode(span.Text);
                    Output.Write("</mark>");
                    break;
                case SpanKind.Link when IsWebAddress(span.Target):
                    Output.Write("<a href=\"");
                    EncodeAttribute(span.Target!);
                    Output.Write("\" rel=\"noreferrer\">");
                    Encode(span.Text);
                    Output.Write("</a>");
                    break;
                case SpanKind.Citation:
                    Output.Write("<a class=\"cite\" href=\"#source-");
                    EncodeAttribute(span.Target!);
                    Output.Write("\">");
                    Encode(span.Text);
                    Output.Write("</a>");
                    break;
                default:
                    Encode(span.Text);
                    break;
            }
        }
    }

    /// <summary>Encodes text for element content and attribute values; line breaks become &lt;br&gt;.</summary>
    private void Encode(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                Output.Write("<br>");
            }

            Output.Write(WebUtility.HtmlEncode(lines[i]));
        }
    }

    private void EncodeAttribute(string value) => Output.Write(WebUtility.HtmlEncode(value.ReplaceLineEndings(" ")));

    internal static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
