using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Cleaning;

/// <summary>
/// Finds passages that repeat an earlier passage of the same document, exactly or with small edits
/// (a chat assistant's "cleaned-up version" pasted after the original), keeps the first copy and
/// removes the later one. Where the two copies differ because one is cut off, the more complete
/// line is kept in the first copy's place, so a table takes each cell from the copy that has it.
/// </summary>
/// <remarks>
/// Lines are compared after <see cref="TextNormalizer.ForComparison"/>. A run of aligned lines is a
/// repeat when it has at least <see cref="MinimumLines"/> lines and <see cref="MinimumRunChars"/>
/// characters, or is a single passage of at least <see cref="MinimumSingleLineChars"/> characters.
/// Runs are found from exact anchors through a hash table, so the work is linear in the text.
/// </remarks>
internal static class RepeatDetector
{
    public const int MinimumLines = 3;
    public const int MinimumRunChars = 80;
    public const int MinimumSingleLineChars = 200;
    private const double NearDuplicate = 0.8;
    private const int MinimumPrefixChars = 8;

    /// <param name="stream">The lines in reading order, without removed and blank lines; rewritten in place.</param>
    /// <param name="removed">Receives one entry per repeated passage (back-to-back copies of one passage are one entry with a count).</param>
    /// <param name="warnings">Receives one entry per line completed from a later copy.</param>
    public static void RemoveRepeats(List<TextLine> stream, List<RemovedPassage> removed, List<IngestWarning> warnings, CancellationToken cancellationToken)
    {
        var normalized = stream.Select(l => TextNormalizer.ForComparison(l.Text)).ToList();
        var rowWidths = stream.Where(l => l.Kind == LineKind.TableRow)
            .GroupBy(l => l.Group)
            .ToDictionary(g => g.Key, g => g.Max(l => l.Cells!.Count));
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicate = new Duplicates(stream.Count);

        var p = 0;
        var lastIndex = -1;
        var lastEnd = -1;
        while (p < stream.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (first.TryGetValue(normalized[p], out var q))
            {
                var (length, passage) = MarkRepeat(stream, normalized, rowWidths, duplicate, q, p, warnings, cancellationToken);
                if (length > 0)
                {
                    // Copies back to back of the same passage are one entry, counted, not one entry each.
                    if (lastIndex >= 0 && lastEnd == p && removed[lastIndex].DuplicateOf == passage!.DuplicateOf)
                    {
                        removed[lastIndex] = removed[lastIndex] with { LineEnd = passage.LineEnd, Copies = removed[lastIndex].Copies + 1 };
                    }
                    else
                    {
                        removed.Add(passage!);
                        lastIndex = removed.Count - 1;
                    }

                    p += length;
                    lastEnd = p;
                    continue;
                }
            }
            else
            {
                first[normalized[p]] = p;
            }

            p++;
        }

        var kept = new List<TextLine>(stream.Count);
        for (var i = 0; i < stream.Count; i++)
        {
            if (duplicate.Contains(i))
            {
                stream[i].Removed = true;
            }
            else
            {
                kept.Add(stream[i]);
            }
        }

        stream.Clear();
        stream.AddRange(kept);
    }

    /// <summary>Aligns the passage at <paramref name="p"/> with the earlier one at <paramref name="q"/>; marks it duplicate if it qualifies.</summary>
    /// <returns>How many lines from <paramref name="p"/> were aligned and marked (0 if none), and the passage removed.</returns>
    private static (int Length, RemovedPassage? Passage) MarkRepeat(
        List<TextLine> stream, List<string> normalized, Dictionary<int, int> rowWidths, Duplicates duplicate, int q, int p, List<IngestWarning> warnings, CancellationToken cancellationToken)
    {
        var pairs = new List<(int Original, int Copy)>();
        var a = q;
        var b = p;
        var chars = 0;
        while (a < p && b < stream.Count && Similar(stream[a], stream[b], normalized[a], normalized[b], rowWidths, cancellationToken))
        {
            pairs.Add((a, b));
            chars += normalized[b].Length;
            a = duplicate.NextKept(a + 1, p);
            b++;
        }

        var qualifies = (pairs.Count >= MinimumLines && chars >= MinimumRunChars)
            || (pairs.Count >= 1 && chars >= MinimumSingleLineChars);
        if (!qualifies)
        {
            return (0, null);
        }

        var dropped = new List<TextLine>(pairs.Count);
        foreach (var (original, copy) in pairs)
        {
            duplicate.Add(copy);
            var originalLine = stream[original];
            var copyLine = stream[copy];
            if (IsMoreComplete(copyLine, originalLine, normalized[copy], normalized[original]))
            {
                // The later copy has what the first lost: it takes the first copy's place.
                stream[original] = copyLine;
                stream[copy] = originalLine;
                (normalized[original], normalized[copy]) = (normalized[copy], normalized[original]);
                warnings.Add(new IngestWarning(
                    "completed-from-repeat",
                    $"line {originalLine.Number} (\"{originalLine.Text}\") is cut off; the repeated copy at line {copyLine.Number} has it whole and is used",
                    copyLine.Number));
            }

            dropped.Add(stream[copy]);
        }

        var passage = new RemovedPassage(
            "duplicate",
            string.Join('\n', dropped.Select(l => l.Text)),
            dropped.Min(l => l.Number),
            dropped.Max(l => l.Number),
            DuplicateOf: stream[pairs[0].Original].Number);
        return (pairs.Count, passage);
    }

    /// <summary>
    /// Equal, nearly equal (edit similarity at least 0.8), or one a cut-off start of the other: the
    /// shorter is marked truncated or is a table row with fewer cells than its table's widest row, or
    /// both are long enough that a shared start is no coincidence.
    /// </summary>
    private static bool Similar(TextLine a, TextLine b, string aText, string bText, Dictionary<int, int> rowWidths, CancellationToken cancellationToken)
    {
        if (aText == bText)
        {
            return true;
        }

        var (shorter, shorterText, longerText) = aText.Length <= bText.Length ? (a, aText, bText) : (b, bText, aText);
        if (longerText.StartsWith(shorterText, StringComparison.Ordinal)
            && (shorter.Truncated || shorterText.Length >= 30 || IsShortRow(shorter, rowWidths))
            && shorterText.Length >= MinimumPrefixChars)
        {
            return true;
        }

        return TextNormalizer.Similarity(aText, bText, NearDuplicate, cancellationToken) >= NearDuplicate;
    }

    private static bool IsShortRow(TextLine line, Dictionary<int, int> rowWidths) =>
        line.Kind == LineKind.TableRow && line.Cells!.Count < rowWidths[line.Group];

    private static bool IsMoreComplete(TextLine copy, TextLine original, string copyText, string originalText) =>
        !copy.Truncated
        && copyText.Length > originalText.Length
        && copyText.StartsWith(originalText, StringComparison.Ordinal);

    /// <summary>The lines marked as later copies, with a skip list so that finding the next kept line does not rescan them.</summary>
    /// <remarks>
    /// A scan line by line made a document of 100,000 copies of one long line quadratic (16 s): each copy looked past
    /// all the copies before it.
    /// </remarks>
    private sealed class Duplicates
    {
        private readonly bool[] _marked;

        // _next[i] is i for a kept line, else a line nearer to the next kept one; _next[^1] stands for the end.
        private readonly int[] _next;

        public Duplicates(int count)
        {
            _marked = new bool[count];
            _next = new int[count + 1];
            for (var i = 0; i <= count; i++)
            {
                _next[i] = i;
            }
        }

        public bool Contains(int line) => _marked[line];

        public void Add(int line)
        {
            _marked[line] = true;
            _next[line] = line + 1;
        }

        /// <summary>The first kept line from <paramref name="from"/> on, or <paramref name="limit"/> when there is none before it.</summary>
        public int NextKept(int from, int limit)
        {
            var i = from;
            while (_next[i] != i)
            {
                // Path halving: each step also shortens the way for the next search.
                _next[i] = _next[_next[i]];
                i = _next[i];
            }

            return Math.Min(i, limit);
        }
    }
}
