using System.Text;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Bytes to text: refusals are values with a one-line message naming the file.</summary>
public sealed class DecoderTests
{
    private static IngestFailure Refuse(string name, byte[] bytes, IngestOptions? options = null)
    {
        var result = DocumentIngestor.Parse(name, bytes, options ?? new IngestOptions());
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        var failure = result.Failure!;
        Assert.StartsWith(name + ": ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.DoesNotContain('\r', failure.Message);
        return failure;
    }

    [Fact]
    public void Parse_EmptyFile_FailsEmpty()
    {
        Assert.Equal(IngestFailureKind.Empty, Refuse("empty.txt", []).Kind);
    }

    [Fact]
    public void Parse_WhitespaceOnly_FailsEmpty()
    {
        Assert.Equal(IngestFailureKind.Empty, Refuse("blank.txt", "  \r\n\t\n \n"u8.ToArray()).Kind);
    }

    [Fact]
    public void Parse_BomOnly_FailsEmpty()
    {
        Assert.Equal(IngestFailureKind.Empty, Refuse("bom.txt", [0xEF, 0xBB, 0xBF]).Kind);
    }

    [Fact]
    public void Parse_NulBytes_FailsBinary()
    {
        Assert.Equal(IngestFailureKind.Binary, Refuse("data.txt", [(byte)'a', (byte)'b', 0, (byte)'c']).Kind);
    }

    [Fact]
    public void Parse_ManyControlCharacters_FailsBinary()
    {
        Assert.Equal(IngestFailureKind.Binary, Refuse("noise.txt", [0x01, 0x02, 0x03, (byte)'a', 0x05, 0x06]).Kind);
    }

    [Theory]
    [InlineData("report.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData("report.txt", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "ZIP")]
    public void Parse_KnownBinaryMagic_FailsUnknownFormatNamingIt(string name, byte[] bytes, string format)
    {
        var failure = Refuse(name, bytes);

        Assert.Equal(IngestFailureKind.UnknownFormat, failure.Kind);
        Assert.Contains(format, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownExtension_FailsUnknownFormatNamingExtension()
    {
        var failure = Refuse("notes.xyz", "Plain words in a file with an odd name."u8.ToArray());

        Assert.Equal(IngestFailureKind.UnknownFormat, failure.Kind);
        Assert.Contains("'.xyz'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverMaxFileBytes_FailsTooLarge()
    {
        var failure = Refuse("big.txt", new byte[11], new IngestOptions { MaxFileBytes = 10 });

        Assert.Equal(IngestFailureKind.TooLarge, failure.Kind);
        Assert.Contains("Ingest:MaxFileBytes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExactlyMaxFileBytes_IsRead()
    {
        var bytes = "Short text."u8.ToArray();

        var result = DocumentIngestor.Parse("small.txt", bytes, new IngestOptions { MaxFileBytes = bytes.Length });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Parse_Utf8Bom_IsDroppedFromText()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "Defence Reform\nThe ministry adopted the long-term development plan in 2023."u8];

        var document = DocumentIngestor.Parse("bom.txt", bytes, new IngestOptions()).Document!;

        Assert.Equal("Defence Reform", document.Lines[0]);
        Assert.Equal("Defence Reform", Assert.IsType<HeadingBlock>(document.Blocks[0]).Text);
        Assert.Equal("Defence Reform", document.Source.Title);
        Assert.Equal(bytes.Length, document.Source.Bytes);
    }

    [Fact]
    public void Parse_CrlfAndCrLineEnds_NormalisedWithRightLineNumbers()
    {
        var bytes = Encoding.UTF8.GetBytes("Defence Reform\r\nThe ministry adopted the plan in 2023 after a long debate.\r\n\r\nCyber Defence\rA national cyber response team was set up in 2024 and joined the exchange.\r\n");

        var document = DocumentIngestor.Parse("crlf.txt", bytes, new IngestOptions()).Document!;

        Assert.DoesNotContain(document.Lines, l => l.Contains('\r', StringComparison.Ordinal));
        Assert.Equal([("heading", 1), ("paragraph", 2), ("heading", 4), ("paragraph", 5)], document.Outline());
        Assert.Equal("The ministry adopted the plan in 2023 after a long debate.", ((ParagraphBlock)document.Blocks[1]).Text);
    }

    [Fact]
    public void Parse_Latin1Bytes_ReadAsLatin1()
    {
        var bytes = Encoding.Latin1.GetBytes("The Sûreté and the ministry in Zürich agreed on the plan in 2023.");

        var document = DocumentIngestor.Parse("latin1.txt", bytes, new IngestOptions()).Document!;

        Assert.Equal("The Sûreté and the ministry in Zürich agreed on the plan in 2023.", Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks)).Text);
    }

    [Fact]
    public void Parse_Windows1252Bytes_KeepsDashesAndQuotesAndSaysSo()
    {
        // é, en dash, curly quotes and em dash as Windows-1252 writes them (0xE9, 0x96, 0x93, 0x94, 0x97), CRLF.
        byte[] bytes = [.. "D"u8, 0xE9, .. "fense budget "u8, 0x96, .. " limitations: Affecting "u8, 0x93, .. "modernization"u8, 0x94, .. " and capability "u8, 0x97, .. " development.\r\n"u8];

        var document = DocumentIngestor.Parse("cp1252.txt", bytes, new IngestOptions()).Document!;

        Assert.Equal("Défense budget – limitations: Affecting “modernization” and capability — development.", document.Lines[0]);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(("encoding", "the file is not UTF-8; it was read as Windows-1252"), (warning.Code, warning.Message));
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Parse_Utf16WithByteOrderMark_IsReadAsText(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("Reform Programme\r\nСарајево: the Presidency adopted the Reform Programme in November 2019.\r\n")];

        var document = DocumentIngestor.Parse("unicode.txt", bytes, new IngestOptions()).Document!;

        Assert.Equal(["Reform Programme", "Сарајево: the Presidency adopted the Reform Programme in November 2019.", ""], document.Lines);
        Assert.Empty(document.Warnings);
    }
}
