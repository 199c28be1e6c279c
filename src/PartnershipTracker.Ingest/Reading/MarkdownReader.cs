using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;
using HeadingBlock = Markdig.Syntax.HeadingBlock;
using ListBlock = Markdig.Syntax.ListBlock;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using MarkdownTableRow = Markdig.Extensions.Tables.TableRow;
using ParagraphBlock = Markdig.Syntax.ParagraphBlock;

namespace PartnershipTracker.Ingest.Reading;

/// <summary>
/// Reads Markdown (CommonMark with pipe tables, parsed by Markdig) into lines that keep the file's line
/// numbers: headings, list items and table rows carry the structure the markup states; paragraphs stay plain
/// text, one line per source line, so damage inside them (a table flattened into paragraphs) is recovered like
/// any text. Inline markup is dropped and inline HTML kept as literal text. Fenced and indented code is removed.
/// </summary>
internal static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <returns>The lines, or a failure when Markdig refuses markup nested deeper than its limit (128 levels).</returns>
    public static (List<TextLine>? Lines, IngestFailure? Failure) Read(string name, string text, List<RemovedPassage> removed, CancellationToken cancellationToken)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's one refusal: "Markdown elements in the input are too deeply nested - depth limit exceeded".
            return (null, new IngestFailure(IngestFailureKind.Unreadable, $"{name}: the Markdown cannot be read: its markup is nested too deeply"));
        }

        var lines = new List<TextLine>();
        var group = 0;
        Visit(document, lines, removed, ref group, cancellationToken);
        lines.Sort((a, b) => a.Number.CompareTo(b.Number));
        return (lines, null);
    }

    /// <remarks>Recursive: Markdig refuses blocks nested deeper than 128 levels, so the depth is bounded.</remarks>
    private static void Visit(ContainerBlock container, List<TextLine> lines, List<RemovedPassage> removed, ref int group, CancellationToken cancellationToken)
    {
        foreach (var block in container)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case HeadingBlock heading:
                    lines.Add(new TextLine(heading.Line + 1, InlineText(heading.Inline), LineKind.Heading));
                    break;
                case MarkdownTable table:
                    group++;
                    foreach (var row in table.OfType<MarkdownTableRow>())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var cells = row.OfType<TableCell>().Select(c => string.Join(' ', c.OfType<LeafBlock>().Select(l => InlineText(l.Inline)))).ToList();
                        lines.Add(new TextLine(row.Line + 1, string.Join(" | ", cells), LineKind.TableRow, cells, group));
                    }

                    break;
                case ListBlock list:
                    group++;
                    var listGroup = group;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var paragraphs = item.OfType<LeafBlock>().Select(l => InlineText(l.Inline)).Where(t => t.Length > 0);
                        lines.Add(new TextLine(item.Line + 1, string.Join(' ', paragraphs), LineKind.ListItem, group: listGroup));
                        foreach (var nested in item.OfType<ContainerBlock>())
                        {
                            Visit(nested, lines, removed, ref group, cancellationToken);
                        }
                    }

                    break;
                case CodeBlock code:
                    // A fenced block spans its opening fence, its lines and its closing fence; an indented one its lines.
                    var content = code.Lines.ToString();
                    var first = code.Line + 1;
                    var last = code is FencedCodeBlock ? first + code.Lines.Count + 1 : first + Math.Max(0, code.Lines.Count - 1);
                    removed.Add(new RemovedPassage("code-fence", content, first, last));
                    break;
                case ParagraphBlock paragraph:
                    foreach (var (line, lineText) in LinesOf(paragraph))
                    {
                        lines.Add(new TextLine(line, lineText));
                    }

                    break;
                case HtmlBlock html:
                    for (var i = 0; i < html.Lines.Count; i++)
                    {
                        lines.Add(new TextLine(html.Line + 1 + i, html.Lines.Lines[i].ToString()));
                    }

                    break;
                case ContainerBlock nestedContainer:
                    Visit(nestedContainer, lines, removed, ref group, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>A paragraph's text split at its source line breaks, each part with its line number.</summary>
    private static List<(int Line, string Text)> LinesOf(ParagraphBlock paragraph)
    {
        var parts = new List<(int, string)>();
        var current = new StringBuilder();
        var line = paragraph.Line + 1;
        if (paragraph.Inline is null)
        {
            return parts;
        }

        foreach (var inline in paragraph.Inline)
        {
            if (inline is LineBreakInline)
            {
                parts.Add((line, current.ToString().Trim()));
                current.Clear();
                line++;
                continue;
            }

            Append(inline, current);
        }

        parts.Add((line, current.ToString().Trim()));
        return parts;
    }

    private static string InlineText(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is not null)
        {
            foreach (var inline in container)
            {
                Append(inline, text);
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>
    /// The text of an inline and everything inside it, in order. Iterative: Markdig nests emphasis as deep as the
    /// input asks ("*****…x…*****" is 50,000 levels for 100,000 stars) and a recursive walk would overflow the stack.
    /// </summary>
    private static void Append(Inline root, StringBuilder text)
    {
        var pending = new Stack<Inline>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    // Markup in the text is kept as the text it is; it is escaped wherever it is shown.
                    text.Append(html.Tag);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline container:
                    // The last child first, so that the first is taken next.
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }
}
