using System.Collections.Concurrent;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Model;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using DocxTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using DocxTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using DocxTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using ListItem = PartnershipTracker.Ingest.Model.ListItem;

namespace PartnershipTracker.Benchmarks.Formats;

/// <summary>One benchmark input: the file as ingest receives it, and the size of the text it carries.</summary>
/// <param name="TextBytes">UTF-8 bytes of the document's text, one line per heading, paragraph, list item and
/// table cell (the plain-text rendering): the same content measure for every format.</param>
public sealed record FormatInput(string Format, string Name, byte[] Bytes, long TextBytes, int Copies);

/// <summary>
/// The example article as a report of about 1 MB of text in each format: its structure (headings, paragraphs,
/// lists, three tables) as ingest recovers it from the text, repeated with every line, table headers and list
/// intros included, made distinct ("… (copy 7)") so that no copy is removed as a repeat of the one before, then written as plain text (the article's own style: one line per
/// paragraph and a table flattened to one cell per line), Markdown (headings, bullets, pipe tables), an HTML page
/// (site header, navigation and footer around an article with real tables), DOCX (heading styles, numbered
/// items, tables) and PDF (A4 pages of 60 lines, paragraphs wrapped at 95 characters, a line's space between
/// blocks, a running header and a page number, tables printed one cell per line as the text has them).
/// </summary>
public static class ArticleFormats
{
    public const int TargetTextBytes = 1_000_000;
    public static readonly string[] All = ["text", "markdown", "html", "pdf", "docx"];
    public static readonly IngestOptions Options = new() { KnownHeaders = MappingRules.Default.KnownHeaders, MaxFileBytes = 64L * 1024 * 1024 };

    private static readonly ConcurrentDictionary<string, FormatInput> Built = new();

    public static FormatInput Build(string format) => Built.GetOrAdd(format, Create);

    private static FormatInput Create(string format)
    {
        var article = DocumentIngestor.Parse("article.txt", ExampleProgramme.ReadArticle(), Options).Document!;
        var onceBytes = Encoding.UTF8.GetByteCount(string.Join('\n', TextLines(article.Blocks)));
        var copies = (TargetTextBytes + onceBytes - 1) / onceBytes;
        var blocks = Enumerable.Range(1, copies).SelectMany(i => article.Blocks.Select((_, b) => Distinct(article.Blocks, b, i))).ToList();
        var textBytes = Encoding.UTF8.GetByteCount(string.Join('\n', TextLines(blocks)));
        var (name, bytes) = format switch
        {
            "text" => ("report.txt", Encoding.UTF8.GetBytes(string.Join('\n', TextLines(blocks)) + "\n")),
            "markdown" => ("report.md", Encoding.UTF8.GetBytes(Markdown(blocks))),
            "html" => ("report.html", Encoding.UTF8.GetBytes(Html(blocks))),
            "pdf" => ("report.pdf", Pdf(blocks)),
            "docx" => ("report.docx", Docx(blocks)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "text, markdown, html, pdf or docx"),
        };
        return new FormatInput(format, name, bytes, textBytes, copies);
    }

    private static string Copy(string text, int copy) => $"{text} (copy {copy})";

    /// <summary>
    /// Block <paramref name="index"/> of the article made distinct for copy <paramref name="copy"/>. A paragraph takes
    /// the mark in front, so that one ending in a list's intro ("… Key issues include:") still ends in it; an intro of
    /// its own takes it before its last word, so that it still ends in a colon.
    /// </summary>
    private static Block Distinct(IReadOnlyList<Block> article, int index, int copy) => article[index] switch
    {
        HeadingBlock h => h with { Text = Copy(h.Text, copy) },
        ParagraphBlock p => p with { Text = $"(copy {copy}) {p.Text}" },
        ListBlock l => l with
        {
            Intro = l.Intro is null || OwnIntro(l, index > 0 ? article[index - 1] : null) is null
                ? l.Intro
                : l.Intro.Insert(l.Intro.LastIndexOf(' ') + 1, $"(copy {copy}) "),
            // A sentence item keeps its full stop at the end, or it is no longer read as a sentence.
            Items = l.Items.Select(item => item with { Text = item.Label is null ? $"(copy {copy}) {item.Text}" : Copy(item.Text, copy) }).ToList(),
        },
        TableBlock t => t with
        {
            Columns = t.Columns.Select(c => Copy(c, copy)).ToList(),
            Rows = t.Rows.Select(r => (IReadOnlyList<string?>)r.Select(c => c is null ? null : Copy(c, copy)).ToList()).ToList(),
        },
        var other => other,
    };

    /// <summary>A list's intro when it is not already the end of the paragraph before it.</summary>
    private static string? OwnIntro(ListBlock list, Block? previous) =>
        list.Intro is { } intro && !(previous is ParagraphBlock p && p.Text.EndsWith(intro, StringComparison.Ordinal)) ? intro : null;

    private static string Item(ListItem item) => item.Label is null ? item.Text : $"{item.Label}: {item.Text}";

    private static List<string> TextLines(IReadOnlyList<Block> blocks) => BlockLines(blocks).SelectMany(b => b).ToList();

    /// <summary>Each block's lines in the plain-text rendering: one per heading, paragraph, intro, item and table cell.</summary>
    private static List<List<string>> BlockLines(IReadOnlyList<Block> blocks)
    {
        var all = new List<List<string>>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var lines = new List<string>();
            switch (blocks[i])
            {
                case HeadingBlock h:
                    lines.Add(h.Text);
                    break;
                case ParagraphBlock p:
                    lines.Add(p.Text);
                    break;
                case ListBlock l:
                    if (OwnIntro(l, i > 0 ? blocks[i - 1] : null) is { } intro)
                    {
                        lines.Add(intro);
                    }

                    lines.AddRange(l.Items.Select(Item));
                    break;
                case TableBlock t:
                    lines.AddRange(t.Columns);
                    lines.AddRange(t.Rows.SelectMany(r => r.OfType<string>()));
                    break;
            }

            all.Add(lines);
        }

        return all;
    }

    private static string Markdown(List<Block> blocks)
    {
        var md = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeadingBlock h:
                    md.Append("## ").Append(h.Text).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    md.Append(p.Text).Append("\n\n");
                    break;
                case ListBlock l:
                    if (OwnIntro(l, i > 0 ? blocks[i - 1] : null) is { } intro)
                    {
                        md.Append(intro).Append("\n\n");
                    }

                    foreach (var item in l.Items)
                    {
                        md.Append("- ").Append(Item(item)).Append('\n');
                    }

                    md.Append('\n');
                    break;
                case TableBlock t:
                    md.Append("| ").AppendJoin(" | ", t.Columns).Append(" |\n|").AppendJoin("|", t.Columns.Select(_ => "---")).Append("|\n");
                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").AppendJoin(" | ", row.Select(c => c ?? "")).Append(" |\n");
                    }

                    md.Append('\n');
                    break;
            }
        }

        return md.ToString();
    }

    private static string Html(List<Block> blocks)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>NATO and Bosnia and Herzegovina | Partnership Review</title>
            <link rel="stylesheet" href="/site.css"><script src="/analytics.js"></script></head>
            <body>
            <header><a href="/">Partnership Review</a></header>
            <nav><ul><li><a href="/news">News</a></li><li><a href="/reports">Reports</a></li><li><a href="/about">About</a></li></ul></nav>
            <main><article>

            """);
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeadingBlock h:
                    html.Append("<h2>").Append(E(h.Text)).Append("</h2>\n");
                    break;
                case ParagraphBlock p:
                    html.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case ListBlock l:
                    if (OwnIntro(l, i > 0 ? blocks[i - 1] : null) is { } intro)
                    {
                        html.Append("<p>").Append(E(intro)).Append("</p>\n");
                    }

                    html.Append("<ul>\n");
                    foreach (var item in l.Items)
                    {
                        html.Append("  <li>").Append(item.Label is null ? "" : $"<strong>{E(item.Label)}:</strong> ").Append(E(item.Text)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case TableBlock t:
                    html.Append("<table>\n<thead><tr>").AppendJoin("", t.Columns.Select(c => $"<th>{E(c)}</th>")).Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{E(c ?? "")}</td>")).Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
            }
        }

        html.Append("</article></main>\n<footer><p>© Partnership Review. All rights reserved.</p><p><a href=\"/privacy\">Privacy</a></p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static byte[] Docx(List<Block> blocks)
    {
        static Paragraph Para(string text, string? style = null, bool numbered = false)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }

            if (numbered)
            {
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
            }

            return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        static DocxTableRow Row(IEnumerable<string?> cells) =>
            new(cells.Select(c => new DocxTableCell(new Paragraph(new Run(new Text(c ?? ""))))));

        var body = new Body();
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeadingBlock h:
                    body.Append(Para(h.Text, "Heading2"));
                    break;
                case ParagraphBlock p:
                    body.Append(Para(p.Text));
                    break;
                case ListBlock l:
                    if (OwnIntro(l, i > 0 ? blocks[i - 1] : null) is { } intro)
                    {
                        body.Append(Para(intro));
                    }

                    body.Append(l.Items.Select(item => Para(Item(item), numbered: true)));
                    break;
                case TableBlock t:
                    body.Append(new DocxTable(t.Rows.Select(Row).Prepend(Row(t.Columns))));
                    break;
            }
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static byte[] Pdf(List<Block> blocks)
    {
        const double width = 595, height = 842, fontSize = 9, leading = 12;
        const int linesPerPage = 60;
        // Paragraphs wrapped, a line's space left empty after each block (a paragraph gap to the reader).
        var lines = new List<string>();
        foreach (var block in BlockLines(blocks))
        {
            foreach (var line in block)
            {
                Wrap(line, 95, lines);
            }

            lines.Add("");
        }

        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var pages = (lines.Count + linesPerPage - 1) / linesPerPage;
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(width, height);
            page.AddText("Partnership Review: NATO and Bosnia and Herzegovina", fontSize, new PdfPoint(50, height - 40), font);
            var y = height - 70;
            foreach (var line in lines.Skip(p * linesPerPage).Take(linesPerPage))
            {
                if (line.Length > 0)
                {
                    page.AddText(line, fontSize, new PdfPoint(50, y), font);
                }

                y -= leading;
            }

            page.AddText($"Page {p + 1} of {pages}", fontSize, new PdfPoint(width / 2 - 20, 30), font);
        }

        return builder.Build();
    }

    private static void Wrap(string text, int width, List<string> lines)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(line.ToString());
    }
}
