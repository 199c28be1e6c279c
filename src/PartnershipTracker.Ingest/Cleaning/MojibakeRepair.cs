using System.Buffers;
using System.Text;

namespace PartnershipTracker.Ingest.Cleaning;

/// <summary>
/// Repairs text that was UTF-8, was read as Windows-1252 (or Latin-1) somewhere on its way, and was saved
/// again: "KomÅ¡iÄ‡" is "Komšić", "â€™" is "’", "Ð¡Ð°Ñ€Ð°Ñ˜ÐµÐ²Ð¾" is "Сарајево". A line is repaired only
/// when it shows the lead characters of such pairs and its Windows-1252 bytes are valid UTF-8 that is
/// shorter: text that merely contains "Ã" or "Å" is left alone.
/// </summary>
internal static class MojibakeRepair
{
    private static readonly Encoding Windows1252 = Strict1252();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lead characters of UTF-8 two- and three-byte sequences as Windows-1252 shows them.</summary>
    private static readonly SearchValues<char> Leads = SearchValues.Create("ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîï");

    private static Encoding Strict1252()
    {
        var encoding = (Encoding)CodePagesEncodingProvider.Instance.GetEncoding(1252)!.Clone();
        encoding.EncoderFallback = EncoderFallback.ExceptionFallback;
        encoding.DecoderFallback = DecoderFallback.ExceptionFallback;
        return encoding;
    }

    /// <returns>The text with each damaged line repaired, and the numbers (from 1) of the lines repaired.</returns>
    public static (string Text, List<int> Lines) Repair(string text, CancellationToken cancellationToken)
    {
        var repaired = new List<int>();
        if (text.AsSpan().IndexOfAny(Leads) < 0)
        {
            return (text, repaired);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryRepair(lines[i]) is { } fixedLine)
            {
                lines[i] = fixedLine;
                repaired.Add(i + 1);
            }
        }

        return repaired.Count == 0 ? (text, repaired) : (string.Join('\n', lines), repaired);
    }

    private static string? TryRepair(string line)
    {
        if (!HasPair(line))
        {
            return null;
        }

        try
        {
            var decoded = StrictUtf8.GetString(Windows1252.GetBytes(line));
            return decoded.Length < line.Length ? decoded : null;
        }
        catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A lead character followed by what Windows-1252 shows for a UTF-8 continuation byte (0x80–0xBF).</summary>
    private static bool HasPair(string line)
    {
        for (var i = line.AsSpan().IndexOfAny(Leads); i >= 0 && i + 1 < line.Length; i++)
        {
            if (Leads.Contains(line[i]) && line[i + 1] is (>= '\u00A0' and <= '\u00BF') or '€' or '‚' or 'ƒ' or '„' or '…' or '†' or '‡' or 'ˆ' or '‰' or 'Š' or '‹' or 'Œ' or 'Ž' or '‘' or '’' or '“' or '”' or '•' or '–' or '—' or '˜' or '™' or 'š' or '›' or 'œ' or 'ž' or 'Ÿ' or '\u0081' or '\u008D' or '\u008F' or '\u0090' or '\u009D')
            {
                return true;
            }
        }

        return false;
    }
}
