using System.Text;
using System.Text.RegularExpressions;
using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PartnershipTracker.Ingest.Reading;

/// <summary>
/// Reads a PDF (parsed by PdfPig) into plain text lines in reading order: words grouped into lines by their
/// baseline, top to bottom and left to right; a wide horizontal gap (table columns) starts a new line, a wide
/// vertical gap a new paragraph. Running headers and footers (the same line at the top or bottom of most
/// pages) and page numbers are removed as boilerplate; a word hyphenated at a line end is rejoined when the
/// next line goes on in lower case; typographic ligatures ("ﬁ", "ﬂ") become their letters. Hard-wrapped lines
/// are left to text recovery to join.
/// </summary>
internal static partial class PdfReader
{
    /// <summary>
    /// A new line starts where the gap between two words is wider than this many times the font size: a word space
    /// is about a quarter of it, even justified text rarely stretches one past half, and table cells printed from a
    /// web page sit about an em apart (padding on each side).
    /// </summary>
    private const double ColumnGapEms = 0.8;

    /// <summary>A paragraph break is a baseline step over this many times the font size (single spacing is about 1.2).</summary>
    private const double ParagraphGapFactor = 1.7;

    /// <summary>
    /// Reads <paramref name="bytes"/>. The text is the rendering (one line per text line, blank lines between
    /// paragraphs, boilerplate included); the lines' numbers point into it, and boilerplate lines are marked removed.
    /// </summary>
    public static (string? Text, List<TextLine>? Lines, IngestFailure? Failure) Read(string name, byte[] bytes, List<RemovedPassage> removed)
    {
        List<List<Row>> pages;
        try
        {
            using var document = PdfDocument.Open(bytes);
            pages = [.. document.GetPages().Select(PageRows)];
        }
        catch (PdfDocumentEncryptedException)
        {
            return (null, null, new IngestFailure(IngestFailureKind.Unreadable, $"{name}: the PDF is encrypted"));
        }
#pragma warning disable CA1031 // PdfPig reports damage with many exception types; any of them means the file cannot be read.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, null, new IngestFailure(IngestFailureKind.Unreadable, $"{name}: the PDF cannot be read"));
        }

        if (pages.All(p => p.Count == 0))
        {
            return (null, null, new IngestFailure(IngestFailureKind.Empty, $"{name}: the PDF has no text (a scanned image?)"));
        }

        var boilerplate = Boilerplate(pages);
        var entries = new List<(string Text, bool Boilerplate)>();
        for (var p = 0; p < pages.Count; p++)
        {
            for (var r = 0; r < pages[p].Count; r++)
            {
                if (pages[p][r].GapBefore)
                {
                    entries.Add(("", false));
                }

                for (var s = 0; s < pages[p][r].Segments.Count; s++)
                {
                    entries.Add((pages[p][r].Segments[s].Text, boilerplate.Contains((p, r, s))));
                }
            }
        }

        // The space around a header or footer is page layout, not a paragraph break.
        entries = [.. entries.Where((e, i) => e.Text.Length > 0
            || !((i > 0 && entries[i - 1].Boilerplate) || (i + 1 < entries.Count && entries[i + 1].Boilerplate)))];
        RejoinHyphenated(entries);
        return Render(entries, removed);
    }

    private static (string Text, List<TextLine> Lines, IngestFailure? Failure) Render(List<(string Text, bool Boilerplate)> entries, List<RemovedPassage> removed)
    {
        var rendering = new List<string>();
        var lines = new List<TextLine>();
        foreach (var (text, isBoilerplate) in entries)
        {
            if (text.Length == 0 && (rendering.Count == 0 || rendering[^1].Length == 0))
            {
                continue;
            }

            rendering.Add(text);
            if (text.Length == 0)
            {
                continue;
            }

            var line = new TextLine(rendering.Count, text);
            if (isBoilerplate)
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
    /// words (table columns) separates them. A row has a gap before it when the step down from the row above is
    /// a paragraph break.
    /// </summary>
    private static List<Row> PageRows(Page page)
    {
        var baselines = new List<(double Baseline, double Size, List<Word> Words)>();
        foreach (var word in page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text))
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
            var gap = r > 0 && baselines[r - 1].Baseline - baselines[r].Baseline > ParagraphGapFactor * Math.Max(baselines[r - 1].Size, baselines[r].Size);
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

            rows.Add(new Row(baselines[r].Baseline, baselines[r].Size, segments, gap));
        }

        return rows;
    }

    private static Segment ToSegment(List<Word> words) => new(
        string.Join(' ', words.Select(w => ExpandLigatures(w.Text))),
        words[0].BoundingBox.Left,
        words[^1].BoundingBox.Right,
        words.Max(Size),
        words[0].BoundingBox.Width);

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

    /// <summary>"inter-" at a line end and "operability" starting the next line become "interoperability".</summary>
    private static void RejoinHyphenated(List<(string Text, bool Boilerplate)> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var text = entries[i].Text;
            if (entries[i].Boilerplate || text.Length < 3 || text[^1] != '-' || !char.IsLetter(text[^2]))
            {
                continue;
            }

            var next = i + 1;
            while (next < entries.Count && entries[next].Boilerplate)
            {
                next++;
            }

            if (next == entries.Count || entries[next].Text.Length == 0 || !char.IsLower(entries[next].Text[0]))
            {
                continue;
            }

            var following = entries[next].Text;
            var space = following.IndexOf(' ', StringComparison.Ordinal);
            var word = space < 0 ? following : following[..space];
            entries[i] = (text[..^1] + word, false);
            if (space < 0)
            {
                entries.RemoveAt(next);
            }
            else
            {
                entries[next] = (following[(space + 1)..], false);
            }
        }
    }

    /// <summary>Words on one baseline with no wide gap between them: a line of a paragraph, or a table cell.</summary>
    /// <param name="Size">The largest font size of its letters, in points.</param>
    /// <param name="FirstWordWidth">The width of its first word, in points (whether it would have fitted on the line above).</param>
    private sealed record Segment(string Text, double Left, double Right, double Size, double FirstWordWidth);

    /// <summary>The segments on one baseline, left to right; <paramref name="GapBefore"/> when a paragraph break comes before it.</summary>
    private sealed record Row(double Baseline, double Size, List<Segment> Segments, bool GapBefore);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
