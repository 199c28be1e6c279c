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
    /// 1 minus the edit distance over the longer length: 1 for equal strings, 0 for nothing in common.
    /// Strings whose lengths differ by more than 40% are not compared (0).
    /// </summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (Math.Abs(a.Length - b.Length) > longer * 0.4)
        {
            return 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return 1 - ((double)previous[b.Length] / longer);
    }
}
