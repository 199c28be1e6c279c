namespace PartnershipTracker.Ingest.Cleaning;

/// <summary>Folds the differences that do not make two passages different: case, quotes, dashes, spacing.</summary>
internal static class TextNormalizer
{
    public static string ForComparison(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '‘' or '’' or '‚' or '‛' or '´' or '`' => '\'',
                '“' or '”' or '„' or '‟' => '"',
                '–' or '—' or '‐' or '‑' => '-',
                '\u00A0' => ' ',
                _ when raw < 128 => raw is >= 'A' and <= 'Z' ? (char)(raw + 32) : raw,
                _ => char.ToLowerInvariant(raw),
            };
            if (c is ' ' or '\t' || (c >= 128 && char.IsWhiteSpace(c)))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// 1 minus the edit distance (insertions, deletions and substitutions) over the longer length, when that is at
    /// least <paramref name="minimum"/>; else 0. 1 for equal strings. Strings whose lengths differ by more than 40%
    /// are not compared (0).
    /// </summary>
    /// <remarks>
    /// Only distances up to (1 − <paramref name="minimum"/>) × the longer length are looked for, one edit at a time
    /// along the diagonals of the edit table (Ukkonen's algorithm): two long lines that differ a little cost about
    /// their length, and the work stops once the distance is too large, instead of filling the whole table (two
    /// 60,000-character lines took half a minute that way).
    /// </remarks>
    public static double Similarity(string a, string b, double minimum, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (Math.Abs(a.Length - b.Length) > longer * 0.4)
        {
            return 0;
        }

        var limit = (int)Math.Ceiling((1 - minimum) * longer);
        if (EditDistance(a, b, limit, cancellationToken) is not { } distance)
        {
            return 0;
        }

        var similarity = 1 - ((double)distance / longer);
        return similarity >= minimum ? similarity : 0;
    }

    /// <summary>The edit distance between <paramref name="a"/> and <paramref name="b"/> when it is at most <paramref name="limit"/>; else null.</summary>
    private static int? EditDistance(string a, string b, int limit, CancellationToken cancellationToken)
    {
        // reach[d] is the furthest position i in a such that a[..i] turns into b[..(i + d)] with e edits, on diagonal d = j - i.
        const int Unreached = int.MinValue / 2;
        var (n, m) = (a.Length, b.Length);
        var target = m - n;
        var offset = limit + 1;
        var previous = new int[(2 * limit) + 3];
        var current = new int[(2 * limit) + 3];
        Array.Fill(previous, Unreached);
        Array.Fill(current, Unreached);
        for (var e = 0; e <= limit; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A diagonal further than the edits left from the target's diagonal cannot lead to it.
            var low = Math.Max(Math.Max(-e, -n), target - (limit - e));
            var high = Math.Min(Math.Min(e, m), target + (limit - e));
            for (var d = low; d <= high; d++)
            {
                var i = e == 0 ? 0 : Math.Max(previous[offset + d] + 1, Math.Max(previous[offset + d - 1], previous[offset + d + 1] + 1));
                i = Math.Min(i, Math.Min(n, m - d));
                if (i < Math.Max(0, -d))
                {
                    current[offset + d] = Unreached;
                    continue;
                }

                while (i < n && i + d < m && a[i] == b[i + d])
                {
                    i++;
                }

                current[offset + d] = i;
                if (d == target && i == n)
                {
                    return e;
                }
            }

            (previous, current) = (current, previous);
        }

        return null;
    }
}
