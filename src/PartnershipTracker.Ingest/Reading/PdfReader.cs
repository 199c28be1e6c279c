using System.Text;
using System.Text.RegularExpressions;
using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Ingest.Structure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PartnershipTracker.Ingest.Reading;

/// <summary>
/// Reads a PDF (parsed by PdfPig) into text lines in reading order: words grouped into rows by their baseline, top
/// to bottom and left to right, a row split into cells where a wide gap (table columns) parts its words. The lines
/// of a paragraph are joined into one where the layout shows a wrap, and so are the lines of a wrapped table cell,
/// so a printed table reads as one flattened one cell per line; a word hyphenated at a wrap is rejoined. Running
/// headers and footers (the same text at the top or bottom of most pages) and page numbers are removed as
/// boilerplate; typographic ligatures ("ﬁ", "ﬂ") become their letters. What the layout leaves open (a paragraph
/// broken by a page whose last line was not full) is left to text recovery.
/// </summary>
internal static partial class PdfReader
{
    /// <summary>
    /// A new line starts where the gap between two words is wider than this many times the font size: a word space
    /// is about a quarter of it, even justified text rarely stretches one past half, and table cells printed from a
    /// web page sit about an em apart (padding on each side).
    /// </summary>
    private const double ColumnGapEms = 0.8;

    /// <summary>Punctuation that can stand before or after a word.</summary>
    private static readonly char[] WordEdge = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '«', '»', '“', '”', '‘', '’', '„'];

    /// <summary>A heading is set at least this many times the body text's size (a browser sets h3 at 1.17, h2 at 1.5).</summary>
    private const double HeadingSizeFactor = 1.15;

    /// <summary>A paragraph break is a baseline step over this many times the font size (single spacing is about 1.2).</summary>
    private const double ParagraphGapFactor = 1.7;

    /// <summary>
    /// Reads <paramref name="bytes"/>. The text is the rendering (one line per paragraph or table cell, blank lines
    /// between, boilerplate included); the lines' numbers point into it, and boilerplate lines are marked removed.
    /// </summary>
    /// <remarks>A PDF with more pages than <see cref="IngestOptions.MaxPages"/> is refused before any page is read.</remarks>
    public static (string? Text, List<TextLine>? Lines, IngestFailure? Failure) Read(
        string name, byte[] bytes, IngestOptions options, List<RemovedPassage> removed, CancellationToken cancellationToken)
    {
        var pages = new List<List<Row>>();
        try
        {
            using var document = PdfDocument.Open(bytes);
            if (document.NumberOfPages == 0)
            {
                // E.g. a page tree whose only kid is itself: "no text (a scanned image?)" would send the reader looking for one.
                return (null, null, new IngestFailure(IngestFailureKind.Empty, $"{name}: the PDF has no pages"));
            }

            if (document.NumberOfPages > options.MaxPages)
            {
                return (null, null, new IngestFailure(
                    IngestFailureKind.TooLarge,
                    $"{name}: the PDF has {document.NumberOfPages:N0} pages, over the limit of {options.MaxPages:N0} pages (Ingest:MaxPages)"));
            }

            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(PageRows(page));
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return (null, null, new IngestFailure(IngestFailureKind.Unreadable, $"{name}: the PDF is encrypted"));
        }
#pragma warning disable CA1031 // PdfPig reports damage with many exception types; any of them means the file cannot be read.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return (null, null, new IngestFailure(IngestFailureKind.Unreadable, $"{name}: the PDF cannot be read"));
        }

        if (pages.All(p => p.Count == 0))
        {
            return (null, null, new IngestFailure(IngestFailureKind.Empty, $"{name}: the PDF has no text (a scanned image?)"));
        }

        var entries = Layout(pages, Boilerplate(pages), Vocabulary(pages));
        return Render(entries, removed);
    }

    /// <summary>
    /// The rendering's lines: one per paragraph and one per table cell, a blank line before each, and the running
    /// headers and footers where they stand. The lines of a paragraph are joined where the layout shows a wrap: the
    /// next line follows without a gap, is no further indented, has the same font size, and its first word would
    /// not have fitted at the end of the line before. A line that ends a sentence is joined only to one going on in
    /// lower case (a new paragraph or list item may start there). A wrap can cross a page break. A row of several
    /// cells near another that shares their columns is a table row; a line right under it whose parts each fall
    /// under exactly one of its cells continues those cells (a line across several cells is a row of its own).
    /// </summary>
    private static List<Entry> Layout(List<List<Row>> pages, HashSet<(int Page, int Row, int Segment)> boilerplate, HashSet<string> vocabulary)
    {
        var entries = new List<Entry>();
        Entry? paragraph = null;
        Segment? last = null;
        var lastColumnRight = 0.0;
        for (var p = 0; p < pages.Count; p++)
        {
            var body = pages[p].Select((row, r) => row.Segments.Where((_, s) => !boilerplate.Contains((p, r, s))).ToList()).ToList();
            body = [.. body.Select((segments, r) => segments.Count > 1 && !HasAlignedRowNearby(body, r) ? [Merge(segments)] : segments)];

            // Where this page's text column ends: the right end of its longest line of running text.
            var columnRight = body.Where(b => b.Count == 1).Select(b => b[0].Right).DefaultIfEmpty(double.MaxValue).Max();
            List<(Segment Column, Entry Entry)>? cells = null;
            Row? previous = null;
            for (var r = 0; r < pages[p].Count; r++)
            {
                var row = pages[p][r];
                entries.AddRange(row.Segments.Where((_, s) => boilerplate.Contains((p, r, s))).Select(s => new Entry(s.Text, 0) { Boilerplate = true }));
                var segments = body[r];
                if (segments.Count == 0)
                {
                    continue;
                }

                var gap = previous is not null && previous.Baseline - row.Baseline > ParagraphGapFactor * Math.Max(previous.Size, row.Size);
                var pageStart = previous is null;
                previous = row;
                if (cells is not null && !gap && segments.All(s => cells.Count(c => Overlaps(c.Column, s)) == 1))
                {
                    foreach (var segment in segments)
                    {
                        var cell = cells.First(c => Overlaps(c.Column, segment)).Entry;
                        cell.Text = Join(cell.Text, segment.Text, vocabulary);
                    }

                    continue;
                }

                cells = null;
                if (segments.Count > 1)
                {
                    paragraph = null;
                    cells = [];
                    foreach (var segment in segments)
                    {
                        var cell = new Entry(segment.Text, segment.Size) { Cell = true };
                        entries.Add(Entry.Blank);
                        entries.Add(cell);
                        cells.Add((segment, cell));
                    }

                    continue;
                }

                var line = segments[0];
                if (paragraph is not null && last is not null && (pageStart || !gap)
                    && Wraps(paragraph.Text, paragraph.Lines == 1, last, line, pageStart ? lastColumnRight : columnRight))
                {
                    paragraph.Text = Join(paragraph.Text, line.Text, vocabulary);
                    paragraph.Lines++;
                }
                else
                {
                    paragraph = new Entry(line.Text, line.Size);
                    entries.Add(Entry.Blank);
                    entries.Add(paragraph);
                }

                last = line;
                lastColumnRight = columnRight;
            }
        }

        return entries;
    }

    /// <summary>
    /// Whether <paramref name="next"/> goes on with the paragraph whose text so far is <paramref name="text"/> and whose
    /// last line is <paramref name="last"/>: it starts where that line starts, or, after a first line, up to two ems
    /// further left (a first-line indent). A block set in from the text, such as a caption, does not run on into the text.
    /// </summary>
    private static bool Wraps(string text, bool afterFirstLine, Segment last, Segment next, double columnRight) =>
        Math.Abs(next.Size - last.Size) <= 0.1 * last.Size
        && (Math.Abs(next.Left - last.Left) <= 0.5 * next.Size
            || (afterFirstLine && next.Left < last.Left && last.Left - next.Left <= 2 * next.Size))
        && last.Right + next.FirstWordWidth > columnRight - (0.35 * last.Size)
        && (!(LineShape.EndsSentence(text) || LineShape.IsIntro(text)) || char.IsLower(next.Text[0]));

    /// <summary>
    /// Whether a row of several cells has another such row within three rows of it that shares two of its columns:
    /// a table has a header and rows; one row of spaced-out words on its own ("Home  News  About", "Share: Facebook
    /// X") is a line.
    /// </summary>
    private static bool HasAlignedRowNearby(List<List<Segment>> rows, int index)
    {
        for (var r = Math.Max(0, index - 3); r <= Math.Min(rows.Count - 1, index + 3); r++)
        {
            if (r != index && rows[r].Count > 1 && rows[index].Count(s => rows[r].Any(o => Overlaps(o, s))) >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static Segment Merge(List<Segment> segments) => new(
        string.Join(' ', segments.Select(s => s.Text)), segments[0].Left, segments[^1].Right, segments.Max(s => s.Size), segments[0].FirstWordWidth);

    private static bool Overlaps(Segment column, Segment segment) => segment.Left < column.Right && segment.Right > column.Left;

    /// <summary>
    /// A wrapped line joined to the one before. A word broken at a hyphen ("right-" and "wing") is written the way the
    /// document writes it elsewhere: "right-wing" if that form occurs, "rightwing" if that one does. Otherwise the
    /// hyphen is taken for typesetting ("inter-" and "operability" become "interoperability") unless a capital stands
    /// on either side ("NATO-led", "Euro-Atlantic"). Any other wrap is a space.
    /// </summary>
    private static string Join(string text, string next, HashSet<string> vocabulary)
    {
        if (text.Length < 2 || text[^1] != '-' || !char.IsLetterOrDigit(text[^2]))
        {
            return text + " " + next;
        }

        var before = text[(text.LastIndexOf(' ') + 1)..^1];
        var after = next.Split(' ')[0];
        var word = before.TrimStart(WordEdge) + after.TrimEnd(WordEdge);
        var hyphenated = before.TrimStart(WordEdge) + "-" + after.TrimEnd(WordEdge);
        var soft = !vocabulary.Contains(hyphenated)
            && (vocabulary.Contains(word) || (char.IsLower(next[0]) && before.Any(char.IsLower) && !before.Contains('-', StringComparison.Ordinal)));
        return soft ? text[..^1] + next : text + next;
    }

    /// <summary>Every word of the document as it stands, without the punctuation around it, compared ignoring case.</summary>
    private static HashSet<string> Vocabulary(List<List<Row>> pages) =>
        new(pages.SelectMany(p => p).SelectMany(r => r.Segments).SelectMany(s => s.Text.Split(' ')).Select(w => w.Trim(WordEdge)).Where(w => w.Length > 0),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The rendering and its lines. A paragraph set larger than the body text (the size most of the text has) that
    /// could stand as a heading (short, no closing punctuation) is a heading: a printed web page's headings are.
    /// </summary>
    private static (string Text, List<TextLine> Lines, IngestFailure? Failure) Render(List<Entry> entries, List<RemovedPassage> removed)
    {
        var bodySize = entries.Where(e => !e.Boilerplate && e.Text.Length > 0)
            .GroupBy(e => Math.Round(e.Size * 2) / 2)
            .MaxBy(g => g.Sum(e => e.Text.Length))?.Key ?? 0;
        var rendering = new List<string>();
        var lines = new List<TextLine>();
        foreach (var entry in entries)
        {
            var text = entry.Text;
            if (text.Length == 0 && (rendering.Count == 0 || rendering[^1].Length == 0))
            {
                continue;
            }

            rendering.Add(text);
            if (text.Length == 0)
            {
                continue;
            }

            var heading = !entry.Boilerplate && !entry.Cell && entry.Size >= HeadingSizeFactor * bodySize && LineShape.IsHeadingLike(text);
            var line = heading ? new TextLine(rendering.Count, text, LineKind.Heading) : new TextLine(rendering.Count, text);
            if (entry.Boilerplate)
            {
                line.Removed = true;
                removed.Add(new RemovedPassage("boilerplate", text, line.Number, line.Number));
            }

            lines.Add(line);
        }

        while (rendering.Count > 0 && rendering[^1].Length == 0)
        {
            rendering.RemoveAt(rendering.Count - 1);
        }

        return (string.Join('\n', rendering), lines, null);
    }

    /// <summary>
    /// A page's rows in reading order: the words on one baseline, top to bottom, split where a wide gap between two
    /// words (table columns) separates them.
    /// </summary>
    private static List<Row> PageRows(Page page)
    {
        var baselines = new List<(double Baseline, double Size, List<Word> Words)>();
        foreach (var word in page.GetWords().Where(w => !string.IsNullOrWhiteSpace(WordText(w)))
                     .OrderByDescending(w => Baseline(w)).ThenBy(w => w.BoundingBox.Left))
        {
            var baseline = Baseline(word);
            var size = Size(word);
            if (baselines.Count > 0 && Math.Abs(baselines[^1].Baseline - baseline) < Math.Min(baselines[^1].Size, size) * 0.5)
            {
                baselines[^1].Words.Add(word);
                baselines[^1] = (baselines[^1].Baseline, Math.Max(baselines[^1].Size, size), baselines[^1].Words);
            }
            else
            {
                baselines.Add((baseline, size, [word]));
            }
        }

        var rows = new List<Row>();
        for (var r = 0; r < baselines.Count; r++)
        {
            var words = baselines[r].Words.OrderBy(w => w.BoundingBox.Left).ToList();
            var segments = new List<Segment>();
            var first = 0;
            for (var w = 1; w <= words.Count; w++)
            {
                if (w == words.Count || words[w].BoundingBox.Left - words[w - 1].BoundingBox.Right > ColumnGapEms * Math.Min(Size(words[w]), Size(words[w - 1])))
                {
                    segments.Add(ToSegment(words[first..w]));
                    first = w;
                }
            }

            rows.Add(new Row(baselines[r].Baseline, baselines[r].Size, segments));
        }

        return rows;
    }

    private static Segment ToSegment(List<Word> words) => new(
        string.Join(' ', words.Select(WordText)),
        words[0].BoundingBox.Left,
        words[^1].BoundingBox.Right,
        words.Max(Size),
        words[0].BoundingBox.Width);

    /// <summary>
    /// A word's text with ligatures expanded and control characters left out: a glyph the font maps to no character
    /// (a script the PDF's font cannot name) comes out as U+0000, which is not text.
    /// </summary>
    private static string WordText(Word word) =>
        ExpandLigatures(word.Text.Any(char.IsControl) ? string.Concat(word.Text.Where(c => !char.IsControl(c))) : word.Text);

    /// <summary>
    /// "signiﬁcant" → "significant": fonts draw "fi", "fl", "ff", "ffi", "ffl" and "st" as one glyph, and a PDF's text
    /// often keeps that glyph's code point (U+FB00–U+FB06), which no search or comparison matches.
    /// </summary>
    private static string ExpandLigatures(string text)
    {
        if (!text.Any(c => c is >= '\uFB00' and <= '\uFB06'))
        {
            return text;
        }

        var expanded = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            var letters = c switch
            {
                '\uFB00' => "ff",
                '\uFB01' => "fi",
                '\uFB02' => "fl",
                '\uFB03' => "ffi",
                '\uFB04' => "ffl",
                '\uFB05' or '\uFB06' => "st",
                _ => null,
            };
            if (letters is null)
            {
                expanded.Append(c);
            }
            else
            {
                expanded.Append(letters);
            }
        }

        return expanded.ToString();
    }

    private static double Baseline(Word word) => word.Letters.Count > 0 ? word.Letters[0].StartBaseLine.Y : word.BoundingBox.Bottom;

    private static double Size(Word word)
    {
        var points = word.Letters.Count > 0 ? word.Letters.Max(l => l.PointSize) : 0;
        return points >= 2 ? points : Math.Max(1, word.BoundingBox.Height * 1.4);
    }

    /// <summary>
    /// Page numbers and running headers or footers: among the parts of each page's first and last rows (a browser
    /// prints the date and the title, or the address and "1/5", on one row), a part that is only a page number, or
    /// one that (digits aside) stands at the top or bottom of most pages.
    /// </summary>
    private static HashSet<(int Page, int Row, int Segment)> Boilerplate(List<List<Row>> pages)
    {
        var edges = new List<(int Page, int Row, int Segment, string Key)>();
        if (pages.Count < 2)
        {
            return [];
        }

        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var r in new[] { 0, pages[p].Count - 1 }.Where(r => r >= 0).Distinct())
            {
                for (var s = 0; s < pages[p][r].Segments.Count; s++)
                {
                    edges.Add((p, r, s, Digits().Replace(pages[p][r].Segments[s].Text.Trim(), "#")));
                }
            }
        }

        var pagesByKey = edges.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Page).Distinct().Count());
        return [.. edges
            .Where(e => PageNumber().IsMatch(pages[e.Page][e.Row].Segments[e.Segment].Text.Trim()) || (pagesByKey[e.Key] >= 2 && pagesByKey[e.Key] * 2 > pages.Count))
            .Select(e => (e.Page, e.Row, e.Segment))];
    }

    /// <summary>Words on one baseline with no wide gap between them: a line of a paragraph, or a table cell.</summary>
    /// <param name="Size">The largest font size of its letters, in points.</param>
    /// <param name="FirstWordWidth">The width of its first word, in points (whether it would have fitted on the line above).</param>
    private sealed record Segment(string Text, double Left, double Right, double Size, double FirstWordWidth);

    /// <summary>The segments on one baseline (in points from the page's foot), left to right.</summary>
    private sealed record Row(double Baseline, double Size, List<Segment> Segments);

    /// <summary>A line of the rendering as layout builds it; the text of a paragraph or cell grows as its wrapped lines join.</summary>
    private sealed class Entry(string text, double size)
    {
        public static Entry Blank => new("", 0);

        public string Text { get; set; } = text;

        /// <summary>The font size of its first line, in points.</summary>
        public double Size { get; } = size;

        public bool Boilerplate { get; init; }

        /// <summary>How many lines of the page its text has taken so far.</summary>
        public int Lines { get; set; } = 1;

        /// <summary>One of several cells on a row: a table cell, never a heading.</summary>
        public bool Cell { get; init; }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
