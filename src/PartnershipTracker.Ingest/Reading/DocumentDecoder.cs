using System.Text;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Reading;

/// <summary>Turns a file's bytes into text lines, refusing what is not a readable text document.</summary>
internal static class DocumentDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Extensions read as plain text. Other formats (Markdown, HTML, PDF) have their own readers.</summary>
    private static readonly HashSet<string> PlainTextExtensions = new(StringComparer.OrdinalIgnoreCase) { "", ".txt", ".text" };

    /// <summary>Extensions read as Markdown (CommonMark with pipe tables).</summary>
    private static readonly HashSet<string> MarkdownExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown" };

    /// <summary>Extensions read as HTML; a text file whose content starts as an HTML document is HTML too.</summary>
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };

    private static readonly (byte[] Magic, string Name)[] KnownBinaryFormats =
    [
        ("%PDF-"u8.ToArray(), "PDF"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP (DOCX/XLSX)"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ("GIF8"u8.ToArray(), "GIF image"),
        ([0xD0, 0xCF, 0x11, 0xE0], "legacy Office document"),
        ([0x1F, 0x8B], "gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
    ];

    /// <summary>Windows-1252, the usual encoding of text saved by Windows programs that is not UTF-8.</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <summary>
    /// Decodes <paramref name="bytes"/>: by its byte-order mark (UTF-8, UTF-16 LE or BE; the mark is
    /// dropped), else as UTF-8, else — when the bytes are not valid UTF-8 — as Windows-1252, which is said
    /// in <c>EncodingNote</c>. CRLF and CR become LF.
    /// </summary>
    /// <returns>The text, or a failure naming the problem.</returns>
    public static (string? Text, string Format, IngestFailure? Failure, string? EncodingNote) Decode(string name, ReadOnlySpan<byte> bytes, IngestOptions options)
    {
        if (bytes.Length > options.MaxFileBytes)
        {
            return Fail(IngestFailureKind.TooLarge,
                $"{name}: file is {bytes.Length:N0} bytes, over the limit of {options.MaxFileBytes:N0} bytes (Ingest:MaxFileBytes)");
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return (null, "pdf", null, null);
        }

        if (DocxReader.IsDocx(name, bytes))
        {
            return (null, "docx", null, null);
        }

        foreach (var (magic, formatName) in KnownBinaryFormats)
        {
            if (bytes.StartsWith(magic))
            {
                return Fail(IngestFailureKind.UnknownFormat, $"{name}: {formatName} documents are not supported yet; save the document as plain text (.txt)");
            }
        }

        // Named as a format with a reader but not that format inside: say so, rather than "binary" or "unknown format".
        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".pdf":
                return Fail(IngestFailureKind.Unreadable, $"{name}: not a PDF (a PDF file starts with %PDF-)");
            case ".docx":
                return Fail(IngestFailureKind.Unreadable, $"{name}: not a DOCX (a DOCX file is a zip archive of Word XML)");
        }

        var utf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : null;
        if (utf16 is null && LooksBinary(bytes))
        {
            return Fail(IngestFailureKind.Binary, $"{name}: file is binary, not a text document");
        }

        var extension = Path.GetExtension(name);
        var format = MarkdownExtensions.Contains(extension) ? "markdown" : HtmlExtensions.Contains(extension) ? "html" : "text";
        if (!PlainTextExtensions.Contains(extension) && format == "text")
        {
            return Fail(IngestFailureKind.UnknownFormat, $"{name}: unknown format '{extension}'; supported: {string.Join(", ", DocumentFormats.Extensions)}");
        }

        string text;
        string? note = null;
        if (utf16 is not null)
        {
            text = utf16.GetString(bytes[2..]);
        }
        else
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = Windows1252.GetString(bytes);
                note = "the file is not UTF-8; it was read as Windows-1252";
            }
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(IngestFailureKind.Empty, $"{name}: file is empty");
        }

        if (IsHtml(text))
        {
            format = "html";
        }

        return (text, format, null, note);
    }

    /// <summary>Text that starts (after whitespace or a byte-order mark) with <c>&lt;!doctype html</c> or <c>&lt;html</c>.</summary>
    private static bool IsHtml(string text)
    {
        var start = text.AsSpan().TrimStart().TrimStart('\uFEFF').TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A NUL byte, or more than 10% control characters other than tab, LF, CR and form feed, in the first 8 KiB.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 10 > sample.Length;
    }

    private static (string? Text, string Format, IngestFailure? Failure, string? EncodingNote) Fail(IngestFailureKind kind, string message) =>
        (null, "", new IngestFailure(kind, message), null);
}
