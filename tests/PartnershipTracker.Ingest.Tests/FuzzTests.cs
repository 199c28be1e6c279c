using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>
/// Robustness: whatever the bytes, <see cref="DocumentIngestor.Parse(string, ReadOnlySpan{byte}, IngestOptions)"/> returns a
/// document or a failure with a one-line message naming the file, and never throws. The inputs come from fixed seeds, so every
/// run feeds the same bytes; a failing case names its input (format, offset or round) to rerun it alone.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Short, so that a case that hangs costs little; when it trips, the failure must say so.</summary>
    private static readonly IngestOptions Options = new() { MaxProcessingTime = TimeSpan.FromSeconds(2) };

    private const string Markdown = """
        # Partnership Review

        The partnership *deepened* in **2023** with a [new package](https://example.org).

        Key issues include:

        - Constitutional setup: Restricts decision-making.
        - Budget limits: Affect modernization.

        | Area | Status |
        |------|-------:|
        | Cyber | Ongoing |

        ```
        code
        ```
        """;

    private const string Html = """
        <!DOCTYPE html><html><head><title>Review</title><script>var x = 1;</script></head>
        <body><nav><a href="/">Home</a></nav><main><h1>Partnership Review</h1>
        <p>The partnership <b>deepened</b> in 2023.<br>A second line.</p>
        <ul><li>Cyber: new protocols<ul><li>Training</li></ul></li></ul>
        <table><tr><th>Area</th><th>Status</th></tr><tr><td colspan="2">Cyber</td></tr><tr><td rowspan="0">Defence</td><td>Ongoing</td></tr></table>
        </main><footer>Copyright</footer></body></html>
        """;

    /// <summary>A short document of every format: Markdown, HTML, a PDF built with PdfPig and a DOCX built with OpenXml.</summary>
    public static TheoryData<string> Formats => new() { "sample.md", "sample.html", "sample.pdf", "sample.docx" };

    private static byte[] Sample(string name) => Path.GetExtension(name) switch
    {
        ".md" => Encoding.UTF8.GetBytes(Markdown),
        ".html" => Encoding.UTF8.GetBytes(Html),
        ".pdf" => PdfTests.BuildPdf([["Partnership Review", "The partnership deepened in 2023.", "", "Cyber: new protocols"]], footers: ["1"]),
        _ => DocxTests.Sample(),
    };

    /// <summary>Parses and checks the shape of the result; returns it for further checks.</summary>
    private static IngestResult ParseSafely(string label, string name, byte[] bytes, IngestOptions? options = null)
    {
        options ??= Options;
        IngestResult? result = null;
        var thrown = Record.Exception(() => result = DocumentIngestor.Parse(name, bytes, options));

        Assert.True(thrown is null, $"{label}: Parse threw {thrown}");
        if (result!.Document is not null)
        {
            Assert.Null(result.Failure);
            return result;
        }

        var message = Assert.IsType<IngestFailure>(result.Failure).Message;
        Assert.True(message.StartsWith(name + ": ", StringComparison.Ordinal) && message.Length > name.Length + 2, $"{label}: message \"{message}\"");
        Assert.True(message.IndexOfAny(['\n', '\r']) < 0, $"{label}: message of more than one line \"{message}\"");
        if (result.Failure.Kind == IngestFailureKind.TimedOut)
        {
            var seconds = options.MaxProcessingTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            Assert.Equal($"{name}: processing took longer than {seconds} s (Ingest:MaxProcessingTime)", message);
        }

        return result;
    }

    [Fact]
    public void Parse_RandomNoiseOfEverySize_NeverThrows()
    {
        var random = new Random(1);
        string[] names = ["noise.txt", "noise.md", "noise.html", "noise.pdf", "noise.docx", "noise"];
        int[] sizes = [0, 1, 2, 3, 4, 5, 7, 16, 64, 255, 1000, 4096, 8192, 65_536, 1_000_000];
        foreach (var size in sizes)
        {
            var noise = new byte[size];
            random.NextBytes(noise);
            var printable = Enumerable.Range(0, size).Select(i => i % 80 == 79 ? (byte)'\n' : (byte)random.Next(0x20, 0x7F)).ToArray();
            foreach (var name in names)
            {
                ParseSafely($"{name} noise {size}", name, noise);
                ParseSafely($"{name} printable {size}", name, printable);
                ParseSafely($"{name} PDF noise {size}", name, [.. "%PDF-1.7\n"u8, .. noise]);
                ParseSafely($"{name} ZIP noise {size}", name, [0x50, 0x4B, 0x03, 0x04, .. noise]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_SampleTruncatedAtEveryByte_NeverThrows(string name)
    {
        // Every prefix is parsed to the end: with the short limit a saturated machine (four builds on two cores) could
        // stop the whole sample or a cut at the time limit, a documented refusal that would either fail the "whole"
        // check for no fault of the parser or hide an exception the rest of that parse would have thrown. A generous
        // limit per parse, and no prefix allowed to time out, keeps the proof whole: every byte offset is read through
        // and either parses or is refused with a one-line message. A real hang still ends, after a minute, and fails.
        var bytes = Sample(name);
        Assert.True(ParseSafely($"{name} whole", name, bytes, Generous).Succeeded);

        for (var length = 0; length < bytes.Length; length++)
        {
            var result = ParseSafely($"{name} cut at {length}", name, bytes[..length], Generous);
            Assert.False(result.Failure?.Kind == IngestFailureKind.TimedOut, $"{name} cut at {length}: {result.Failure?.Message}");
        }
    }

    /// <summary>For the tests that must see every parse through: a limit no small sample reaches, even on a saturated machine.</summary>
    private static readonly IngestOptions Generous = new() { MaxProcessingTime = TimeSpan.FromMinutes(1) };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_SampleWithRandomByteMutations_NeverThrows(string name)
    {
        var bytes = Sample(name);
        var random = new Random(2);
        for (var round = 0; round < 1000; round++)
        {
            var mutated = (byte[])bytes.Clone();
            for (var edit = random.Next(1, 8); edit > 0; edit--)
            {
                var at = random.Next(mutated.Length);
                mutated[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)(mutated[at] ^ (1 << random.Next(8))),
                    _ => "<>[]{}()*_#|-\n0/"u8[random.Next(16)],
                };
            }

            ParseSafely($"{name} mutation round {round}", name, mutated);
        }
    }

    [Fact]
    public void Parse_DocxWithMutatedOrCutDocumentXml_NeverThrows()
    {
        // Mutating the archive mostly breaks its checksums; this reaches the XML reader instead.
        var docx = DocxTests.Sample();
        string xml;
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            xml = reader.ReadToEnd();
        }

        var random = new Random(3);
        for (var round = 0; round < 300; round++)
        {
            var chars = xml.ToCharArray();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                chars[random.Next(chars.Length)] = "<>/\"= ab:w1"[random.Next(11)];
            }

            ParseSafely($"document.xml mutation round {round}", "sample.docx", WithDocumentXml(docx, new string(chars)));
            ParseSafely($"document.xml cut at {round * xml.Length / 300}", "sample.docx", WithDocumentXml(docx, xml[..(round * xml.Length / 300)]));
        }
    }

    [Theory]
    [InlineData("long.txt")]
    [InlineData("long.md")]
    [InlineData("long.html")]
    public void Parse_FiveMegabytesOnOneLine_FailsTooLargeNamingTheLine(string name)
    {
        var line = new string('a', 5_000_000);
        var text = name.EndsWith(".html", StringComparison.Ordinal) ? $"<html><body><p>{line}</p></body></html>" : line;

        var result = ParseSafely(name, name, Encoding.UTF8.GetBytes(text));

        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, $"{name}: line 1 is 5,000,000 characters long, over the limit of 100,000 characters (Ingest:MaxLineLength)"),
            result.Failure);
    }

    [Theory]
    [InlineData("long.txt")]
    [InlineData("long.md")]
    [InlineData("long.html")]
    public void Parse_LineJustOverTheLimit_FailsAndOneAtTheLimitIsRead(string name)
    {
        var options = new IngestOptions { MaxLineLength = 1000, MaxProcessingTime = Options.MaxProcessingTime };
        string Document(int length) => name.EndsWith(".html", StringComparison.Ordinal)
            ? $"<html><body><h1>Review</h1><p>{new string('a', length)}</p></body></html>"
            : $"Review\n\n{new string('a', length)}\n";
        var lineNumber = name.EndsWith(".html", StringComparison.Ordinal) ? 2 : 3;

        var over = ParseSafely(name, name, Encoding.UTF8.GetBytes(Document(1001)), options);
        var at = ParseSafely(name, name, Encoding.UTF8.GetBytes(Document(1000)), options);

        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, $"{name}: line {lineNumber} is 1,001 characters long, over the limit of 1,000 characters (Ingest:MaxLineLength)"),
            over.Failure);
        Assert.Equal(new string('a', 1000), Assert.IsType<ParagraphBlock>(at.Document!.Blocks[^1]).Text);
    }

    [Theory]
    [InlineData("<div>", "deep text")]
    [InlineData("<ul><li>", "deep text")]
    [InlineData("<span>", "deep text")]
    public void Parse_HundredThousandNestedElements_NeverOverflowsTheStack(string open, string text)
    {
        // AngleSharp's tree building slows with depth (minutes for 100,000); the time limit ends it with a failure.
        var html = $"<html><body>{string.Concat(Enumerable.Repeat(open, 100_000))}{text}</body></html>";

        var result = ParseSafely($"{open} x 100,000", "deep.html", Encoding.UTF8.GetBytes(html));

        if (result.Succeeded)
        {
            Assert.Contains(text, string.Join('\n', result.Document!.Lines), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(IngestFailureKind.TimedOut, result.Failure!.Kind);
        }
    }

    [Fact]
    public void Parse_DocxZipBomb_IsRefused()
    {
        var bytes = DocxTests.ZipBomb(50_000_000);

        var result = ParseSafely("zip bomb", "bomb.docx", bytes, new IngestOptions { MaxFileBytes = 1_000_000, MaxProcessingTime = Options.MaxProcessingTime });

        Assert.Equal(
            new IngestFailure(IngestFailureKind.Unreadable, "bomb.docx: the DOCX would unpack to 50,000,000 bytes, over 20 times the limit of 1,000,000 bytes (a zip bomb?)"),
            result.Failure);
    }

    [Fact]
    public void Parse_DocxThatUnderstatesTheSizeOfItsDocumentXml_IsUnreadable()
    {
        // 20 MB of spaces inside the body, said to unpack to 100 bytes: the reader must stop there, not unpack 20 MB.
        var xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + new string(' ', 20_000_000) + "<w:p><w:r><w:t>Hidden</w:t></w:r></w:p></w:body></w:document>";
        var bytes = WithDocumentXml(DocxTests.Sample(), xml);
        var options = new IngestOptions { MaxFileBytes = 500_000, MaxProcessingTime = Options.MaxProcessingTime };
        var honest = ParseSafely("honest padded DOCX", "padded.docx", bytes, options);

        UnderstateSize(bytes, "word/document.xml", 100);
        var result = ParseSafely("understated padded DOCX", "padded.docx", bytes, options);

        Assert.Equal(
            new IngestFailure(IngestFailureKind.Unreadable, "padded.docx: the DOCX would unpack to 20,000,817 bytes, over 20 times the limit of 500,000 bytes (a zip bomb?)"),
            honest.Failure);
        Assert.Equal(new IngestFailure(IngestFailureKind.Unreadable, "padded.docx: the DOCX cannot be read"), result.Failure);
    }

    private static byte[] WithDocumentXml(byte[] docx, string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of one entry in its local file header and its central directory entry.</summary>
    private static void UnderstateSize(byte[] zip, string entry, int size)
    {
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 <= zip.Length; i++)
        {
            // Local file header (PK\3\4): size at 22, name length at 26, name at 30;
            // central directory entry (PK\1\2): size at 24, name length at 28, name at 46.
            var span = zip.AsSpan(i);
            var (sizeAt, nameLengthAt, nameAt) = span.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) ? (22, 26, 30)
                : span.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x01, 0x02]) ? (24, 28, 46)
                : (0, 0, 0);
            if (sizeAt > 0 && BinaryPrimitives.ReadUInt16LittleEndian(span[nameLengthAt..]) == name.Length && span[nameAt..].StartsWith(name))
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[sizeAt..], size);
            }
        }
    }
}
