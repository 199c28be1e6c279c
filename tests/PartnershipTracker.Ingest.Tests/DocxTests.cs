using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartnershipTracker.Ingest.Model;
using ListItem = PartnershipTracker.Ingest.Model.ListItem;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>DOCX: headings from styles, lists from numbering, tables with spanned cells, paragraphs.</summary>
public sealed class DocxTests
{
    internal static Paragraph Para(string text, string? style = null, bool numbered = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (numbered)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
        }

        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    internal static TableCell Cell(string text, int span = 1)
    {
        var cell = new TableCell();
        if (span > 1)
        {
            cell.Append(new TableCellProperties(new GridSpan { Val = span }));
        }

        cell.Append(new Paragraph(new Run(new Text(text))));
        return cell;
    }

    internal static byte[] BuildDocx(params OpenXmlElement[] content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(content));
        }

        return stream.ToArray();
    }

    internal static byte[] Sample() => BuildDocx(
        Para("NATO and Bosnia and Herzegovina", "Heading1"),
        Para("The partnership deepened in 2023 with a new package of reforms."),
        Para("Enhancing cyber defense cooperation.", numbered: true),
        Para("Expanding participation in NATO-led training.", numbered: true),
        new Table(
            new TableRow(Cell("Initiative"), Cell("Focus Area"), Cell("Status")),
            new TableRow(Cell("Defense Reform Program"), Cell("Structural Modernization"), Cell("Ongoing")),
            new TableRow(Cell("Cybersecurity Initiative"), Cell("Launched 2023", span: 2))),
        Para("The review continues next year with a new set of goals for every area."));

    private static IngestResult Parse(byte[] bytes, string name = "brief.docx", IngestOptions? options = null) =>
        DocumentIngestor.Parse(name, bytes, options ?? new IngestOptions());

    [Fact]
    public void Parse_Docx_GivesHeadingParagraphListTableAndParagraph()
    {
        var result = Parse(Sample());

        Assert.Null(result.Failure);
        var document = result.Document!;
        Assert.Equal("docx", document.Source.Format);
        Assert.Equal("NATO and Bosnia and Herzegovina", document.Source.Title);
        Assert.Equal([("heading", 1), ("paragraph", 3), ("list", 5), ("table", 8), ("paragraph", 12)], document.Outline());
        Assert.Equal("The partnership deepened in 2023 with a new package of reforms.", ((ParagraphBlock)document.Blocks[1]).Text);
        Assert.Equal(
            [new ListItem(null, "Enhancing cyber defense cooperation.", 5, false), new ListItem(null, "Expanding participation in NATO-led training.", 6, false)],
            document.SingleList().Items);
        var table = document.SingleTable();
        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Launched 2023", "Launched 2023"]],
            table.Rows);
        Assert.Equal("The review continues next year with a new set of goals for every area.", ((ParagraphBlock)document.Blocks[4]).Text);
        Assert.Equal("Cybersecurity Initiative | Launched 2023 | Launched 2023", document.Lines[9]);
        Assert.Empty(document.Removed);
    }

    [Fact]
    public void Parse_DocxWithoutDocxExtension_IsRecognisedByItsContent()
    {
        var result = Parse(Sample(), "download");

        Assert.Equal("docx", result.Document!.Source.Format);
    }

    [Fact]
    public void Parse_ZipThatIsNotAWordDocument_IsRefusedAsBefore()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("hello");
        }

        var result = Parse(stream.ToArray(), "notes.zip");

        Assert.Equal(IngestFailureKind.UnknownFormat, result.Failure!.Kind);
    }

    [Fact]
    public void Parse_CorruptDocx_IsUnreadableWithOneLine()
    {
        var bytes = Sample();

        var result = Parse(bytes[..(bytes.Length / 2)]);

        Assert.Equal(new IngestFailure(IngestFailureKind.Unreadable, "brief.docx: the DOCX cannot be read"), result.Failure);
    }

    /// <summary>A DOCX-named archive whose <c>word/document.xml</c> is <paramref name="unpackedBytes"/> zero bytes, compressed as far as they go.</summary>
    internal static byte[] ZipBomb(int unpackedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[unpackedBytes]);
        }

        return stream.ToArray();
    }

    [Fact]
    public void Parse_ZipBombDocx_IsRefusedBeforeUnpacking()
    {
        var bytes = ZipBomb(1_000_000);
        var result = Parse(bytes, "bomb.docx", new IngestOptions { MaxFileBytes = 40_000 });

        Assert.True(bytes.Length < 40_000);
        Assert.Equal(
            new IngestFailure(IngestFailureKind.Unreadable, "bomb.docx: the DOCX would unpack to 1,000,000 bytes, over 20 times the limit of 40,000 bytes (a zip bomb?)"),
            result.Failure);
    }

    [Fact]
    public void Parse_CellSpanningMoreColumnsThanWordAllows_IsCutToSixtyThreeColumns()
    {
        // A span of two billion columns would have been repeated two billion times.
        var bytes = BuildDocx(new Table(new TableRow(Cell("Area", span: int.MaxValue)), new TableRow(Cell("Cyber"))));

        var table = Parse(bytes).Document!.SingleTable();

        Assert.Equal(Enumerable.Repeat("Area", 63), table.Columns);
        Assert.Equal([0], table.IncompleteRows);
    }
}
