using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Reading;

/// <summary>
/// Reads HTML (parsed by AngleSharp) into lines: only the main content (<c>main</c>, else <c>article</c>, else
/// <c>[role=main]</c>, else <c>body</c>), without navigation, banners, related stories, footers, scripts and
/// styles. Headings, list items and table rows (spans expanded) carry the structure the markup states; each
/// text block is a plain text line (a <c>br</c> starts a new one), so damage inside the text is recovered like
/// any text. HTML has no useful line numbers: the lines are numbered from 1 in the order they are emitted, and
/// their texts joined with newlines are the document's rendering. Markup written as text stays literal text.
/// </summary>
internal static partial class HtmlReader
{
    /// <summary>
    /// Beyond this depth an element's text is taken flat (and a nested list joins its item), so deeply nested markup
    /// cannot exhaust the stack. AngleSharp itself nests at most 511 levels; the walk does not count on it.
    /// </summary>
    private const int MaxDepth = 256;

    /// <summary>Spans larger than these are markup errors; they are cut to these sizes (the HTML standard's limits).</summary>
    private const int MaxColumnSpan = 1000;

    private static readonly HashSet<string> DroppedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "iframe", "template", "svg",
        "head", "title", "meta", "link", "object", "embed", "canvas", "button", "select", "dialog",
    };

    /// <summary>
    /// Words in an element's id or class that mark page furniture, not content. Many sites build their menus and
    /// footers from <c>div</c>s named so (<c>navMain</c>, <c>wrapperNavi</c>, <c>menu-box</c>, <c>footerSection</c>,
    /// <c>adWrapper</c>) rather than from <c>nav</c> and <c>footer</c> elements.
    /// </summary>
    private static readonly HashSet<string> DroppedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "cookies", "consent", "banner", "banners", "related", "share", "sharing", "social", "newsletter",
        "subscribe", "subscription", "breadcrumb", "breadcrumbs", "sidebar", "comment", "comments", "advert",
        "adverts", "advertisement", "advertising", "promo", "nav", "navi", "navigation", "menu", "footer", "ad", "ads",
    };

    /// <summary>
    /// Classes (whole class names) of text no reader sees: hidden, or kept for screen readers only (Bootstrap's
    /// <c>sr-only</c>, <c>visually-hidden</c>, WordPress's <c>screen-reader-text</c>, the German government site
    /// builder's <c>aural</c>). A responsive class such as <c>hidden-xs</c> hides only on some screens and is not one.
    /// </summary>
    private static readonly HashSet<string> HiddenClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "aural", "element-invisible",
    };

    /// <summary>Elements that start and end a block of text.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "figure", "figcaption", "address", "center", "dl",
        "dt", "dd", "li", "hr", "details", "summary", "caption", "body", "html", "fieldset", "legend", "hgroup",
    };

    /// <returns>
    /// The lines, or a failure when a table row, its spans expanded, would be longer than
    /// <see cref="IngestOptions.MaxLineLength"/> (the row is measured, not built: a few bytes of <c>colspan</c> must not
    /// fill the memory).
    /// </returns>
    /// <remarks>
    /// Building the DOM takes time that grows with the square of the nesting (AngleSharp follows the HTML standard,
    /// which looks through the open elements for each new one): 100,000 nested elements take minutes. The parser
    /// checks <paramref name="cancellationToken"/> before each tag, so such a page runs out of time instead.
    /// </remarks>
    public static (List<TextLine>? Lines, IngestFailure? Failure) Read(string name, string text, IngestOptions options, CancellationToken cancellationToken)
    {
        // A string source is read without waiting: the task is complete when it returns.
        var document = new HtmlParser().ParseDocumentAsync(text, cancellationToken).GetAwaiter().GetResult();
        var root = document.QuerySelector("main")
            ?? document.QuerySelector("article")
            ?? document.QuerySelector("[role=main]")
            ?? document.Body
            ?? document.DocumentElement;
        var reader = new Walker(options.MaxLineLength, cancellationToken);
        reader.Block(root, 0);
        reader.Flush();
        return reader.TooLong is { } tooLong ? (null, IngestFailure.LineTooLong(name, tooLong.Line, tooLong.Length, options)) : (reader.Lines, null);
    }

    /// <summary>
    /// Whether an element is page furniture: a dropped tag, hidden (by attribute, inline style or class), or an id/class
    /// naming furniture. A <c>header</c> or
    /// <c>footer</c> inside an <c>article</c>, <c>section</c> or <c>main</c> belongs to that content (an article's title
    /// and byline sit in its header); only the page's own are furniture.
    /// </summary>
    private static bool IsDropped(IElement element)
    {
        if ((DroppedTags.Contains(element.LocalName) && !(element.LocalName is "header" or "footer" && InContent(element)))
            || element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style))
            || element.ClassList.Any(HiddenClasses.Contains))
        {
            return true;
        }

        var names = $"{element.GetAttribute("id")} {element.GetAttribute("class")}";
        return names.Length > 1 && WordSplit().Split(names).Any(w => w.Length > 0 && DroppedWords.Contains(w));
    }

    private static bool InContent(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName is "article" or "section" or "main")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text with every run of whitespace made one space, trimmed, and soft hyphens (<c>&amp;shy;</c>, U+00AD) left out:
    /// they only mark where a browser may break a word, and "Tele\u00ADkommunikation" must still read "Telekommunikation".
    /// </summary>
    private static string Collapse(string text) => Whitespace().Replace(text.Replace("\u00AD", "", StringComparison.Ordinal), " ").Trim();

    /// <summary>Splits "cookie-banner", "cookie_banner" and "cookieBanner" into words.</summary>
    [GeneratedRegex(@"[^A-Za-z]+|(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    private static int Span(IElement cell, string attribute, int max)
    {
        var value = cell.GetAttribute(attribute);
        return int.TryParse(value, out var span) && span >= 1 ? Math.Min(span, max) : 1;
    }

    private sealed class Walker(int maxLineLength, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _inline = new();
        private int _group;

        public List<TextLine> Lines { get; } = [];

        /// <summary>The first table row longer than the limit; once set, the walk stops.</summary>
        public (int Line, long Length)? TooLong { get; private set; }

        /// <summary>Emits the text gathered so far as one text line (nothing when it is blank).</summary>
        public void Flush()
        {
            var text = Collapse(_inline.ToString());
            _inline.Clear();
            if (text.Length > 0)
            {
                Lines.Add(new TextLine(Lines.Count + 1, text));
            }
        }

        /// <summary>Walks the children of <paramref name="element"/>, emitting blocks and gathering inline text.</summary>
        public void Block(IElement element, int depth)
        {
            foreach (var node in element.ChildNodes)
            {
                if (TooLong is not null)
                {
                    return;
                }

                switch (node)
                {
                    case IText textNode:
                        _inline.Append(textNode.Data);
                        break;
                    case IElement child:
                        Element(child, depth + 1);
                        break;
                }
            }
        }

        private void Element(IElement element, int depth)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsDropped(element))
            {
                return;
            }

            if (depth > MaxDepth)
            {
                _inline.Append(' ').Append(element.TextContent).Append(' ');
                return;
            }

            var tag = element.LocalName;
            switch (tag)
            {
                case "br":
                    Flush();
                    return;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Flush();
                    Add(LineKind.Heading, InlineText(element, depth));
                    return;
                case "ul" or "ol":
                    Flush();
                    List(element, depth);
                    return;
                case "table":
                    Flush();
                    Table(element, depth);
                    return;
                case "pre":
                    Flush();
                    foreach (var line in element.TextContent.Split('\n'))
                    {
                        _inline.Append(line);
                        Flush();
                    }

                    return;
                case "img":
                    // An image is not text; its alternative text is not the author's prose either.
                    return;
            }

            if (BlockTags.Contains(tag))
            {
                Flush();
                Block(element, depth);
                Flush();
                return;
            }

            // Inline markup: its text joins the surrounding text.
            Block(element, depth);
        }

        /// <summary>
        /// One list item per <c>li</c>, all in one group; a nested list follows its item in its own group. Beyond
        /// <see cref="MaxDepth"/> a nested list's text joins its item's.
        /// </summary>
        private void List(IElement list, int depth)
        {
            var group = ++_group;
            foreach (var item in list.Children.Where(c => c.LocalName == "li" && !IsDropped(c)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TooLong is not null)
                {
                    return;
                }

                var nested = new List<IElement>();
                var text = new StringBuilder();
                foreach (var node in item.ChildNodes)
                {
                    if (node is IElement { LocalName: "ul" or "ol" } inner && depth < MaxDepth)
                    {
                        nested.Add(inner);
                    }
                    else
                    {
                        AppendNode(node, text, depth + 1);
                    }
                }

                var itemText = Collapse(text.ToString());
                if (itemText.Length > 0)
                {
                    Lines.Add(new TextLine(Lines.Count + 1, itemText, LineKind.ListItem, group: group));
                }

                foreach (var inner in nested.Where(n => !IsDropped(n)))
                {
                    List(inner, depth + 1);
                }
            }
        }

        /// <summary>
        /// One table row line per <c>tr</c> (header rows first, then the body, then the footer), all in one group;
        /// a cell spanning columns or rows has its text repeated in each position it covers.
        /// </summary>
        private void Table(IElement table, int depth)
        {
            var group = ++_group;
            var sections = table.Children.Where(c => c.LocalName == "thead")
                .Concat(table.Children.Where(c => c.LocalName is "tbody" or "tr"))
                .Concat(table.Children.Where(c => c.LocalName == "tfoot"));
            var rows = new List<IElement>();
            foreach (var section in sections)
            {
                rows.AddRange(section.LocalName == "tr" ? [section] : section.Children.Where(c => c.LocalName == "tr"));
            }

            var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption");
            if (caption is not null)
            {
                Add(LineKind.Heading, InlineText(caption, depth));
            }

            // Cells carried down from a rowspan above: column -> (text, rows still to fill).
            var carried = new SortedDictionary<int, (string Text, int Rows)>();
            for (var r = 0; r < rows.Count; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cells = new List<string>();
                var column = 0;

                // The row's length as the line " | "-joined: cells past the limit are counted, not kept.
                var length = -3L;
                void Put(string text)
                {
                    length += 3 + text.Length;
                    if (length <= maxLineLength)
                    {
                        cells.Add(text);
                    }
                }

                void FillCarried()
                {
                    while (carried.TryGetValue(column, out var above))
                    {
                        Put(above.Text);
                        if (above.Rows <= 1)
                        {
                            carried.Remove(column);
                        }
                        else
                        {
                            carried[column] = (above.Text, above.Rows - 1);
                        }

                        column++;
                    }
                }

                foreach (var cell in rows[r].Children.Where(c => c.LocalName is "td" or "th"))
                {
                    FillCarried();
                    var text = InlineText(cell, depth);
                    var columns = Span(cell, "colspan", MaxColumnSpan);
                    var rowSpan = cell.GetAttribute("rowspan") == "0" ? rows.Count - r : Span(cell, "rowspan", rows.Count - r);
                    for (var c = 0; c < columns; c++)
                    {
                        Put(text);
                        if (rowSpan > 1)
                        {
                            carried[column] = (text, rowSpan - 1);
                        }

                        column++;
                    }
                }

                FillCarried();

                // Spans from above at columns after a gap (a short row) still fill their positions.
                while (carried.Count > 0 && carried.Keys.First() >= column)
                {
                    var next = carried.Keys.First();
                    while (column < next)
                    {
                        Put("");
                        column++;
                    }

                    FillCarried();
                }

                if (length > maxLineLength)
                {
                    TooLong = (Lines.Count + 1, length);
                    return;
                }

                if (cells.Count > 0)
                {
                    Lines.Add(new TextLine(Lines.Count + 1, string.Join(" | ", cells), LineKind.TableRow, cells, group));
                }
            }
        }

        private void Add(LineKind kind, string text)
        {
            if (text.Length > 0)
            {
                Lines.Add(new TextLine(Lines.Count + 1, text, kind));
            }
        }

        /// <summary>An element's text with inline markup dropped, furniture left out and whitespace collapsed.</summary>
        private static string InlineText(IElement element, int depth)
        {
            var text = new StringBuilder();
            Append(element, text, depth);
            return Collapse(text.ToString());
        }

        private static void Append(IElement element, StringBuilder text, int depth)
        {
            if (depth > MaxDepth)
            {
                text.Append(' ').Append(element.TextContent).Append(' ');
                return;
            }

            foreach (var node in element.ChildNodes)
            {
                AppendNode(node, text, depth + 1);
            }
        }

        /// <summary>A node's text; a block or line break inside inline text becomes a space.</summary>
        private static void AppendNode(INode node, StringBuilder text, int depth)
        {
            switch (node)
            {
                case IText textNode:
                    text.Append(textNode.Data);
                    break;
                case IElement child when !IsDropped(child):
                    var block = child.LocalName is "br" or "ul" or "ol" or "table" or "tr" or "td" or "th" || BlockTags.Contains(child.LocalName);
                    if (block)
                    {
                        text.Append(' ');
                    }

                    Append(child, text, depth);
                    if (block)
                    {
                        text.Append(' ');
                    }

                    break;
            }
        }
    }
}
