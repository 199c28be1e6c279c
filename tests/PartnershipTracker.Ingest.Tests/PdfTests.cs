using System.Text;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Testing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>PDF: text in reading order, hard wraps and hyphenation undone, running headers and page numbers removed.</summary>
public sealed class PdfTests
{
    private static readonly IngestOptions ArticleOptions = new()
    {
        KnownHeaders = ["Progress Area", "Achievements", "Ongoing Challenges", "Initiative", "Focus Area", "Status", "Strategic Action", "Expected Outcome"],
    };

    /// <summary>Three pages with a running header, a page number at the foot, paragraphs wrapped and one word hyphenated.</summary>
    private static readonly string[][] Report =
    [
        [
            "Partnership Review",
            "The partnership between NATO and Bosnia and Herzegovina",
            "continued to deepen in 2023 with new training and inter-",
            "operability programmes across the armed forces.",
            "",
            "A second paragraph begins on the first page and then runs",
        ],
        [
            "Partnership Review",
            "on to the second page without any break in the text at all.",
            "",
            "The third paragraph is a little longer, so that it reads as prose.",
        ],
        [
            "Partnership Review",
            "The last paragraph closes the report with a final short",
            "remark on the cooperation between the two.",
        ],
    ];

    private static readonly string[] Footers = ["1", "Page 2 of 3", "3"];

    /// <summary>A PDF with one text line per entry ("" leaves a line's space empty), and an optional footer per page.</summary>
    internal static byte[] BuildPdf(string[][] pages, string[]? footers = null, double width = 595, double fontSize = 12)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 0; p < pages.Length; p++)
        {
            var height = Math.Max(842, (pages[p].Length + 6) * fontSize * 1.2);
            var page = builder.AddPage(width, height);
            var y = height - 50;
            foreach (var line in pages[p])
            {
                if (line.Length > 0)
                {
                    page.AddText(line, fontSize, new PdfPoint(40, y), font);
                }

                y -= fontSize * 1.2;
            }

            if (footers is not null)
            {
                page.AddText(footers[p], fontSize, new PdfPoint(width / 2, 30), font);
            }
        }

        return builder.Build();
    }

    private static IngestResult Parse(byte[] bytes, string name = "report.pdf", IngestOptions? options = null) =>
        DocumentIngestor.Parse(name, bytes, options ?? new IngestOptions());

    [Fact]
    public void Parse_ThreePageReport_RemovesHeaderAndPageNumbersJoinsWrapsAndHyphenation()
    {
        var result = Parse(BuildPdf(Report, Footers));

        Assert.Null(result.Failure);
        var document = result.Document!;
        Assert.Equal("pdf", document.Source.Format);
        Assert.Equal(
            [
                "The partnership between NATO and Bosnia and Herzegovina continued to deepen in 2023 with new training and interoperability programmes across the armed forces.",
                "A second paragraph begins on the first page and then runs on to the second page without any break in the text at all.",
                "The third paragraph is a little longer, so that it reads as prose.",
                "The last paragraph closes the report with a final short remark on the cooperation between the two.",
            ],
            document.Blocks.Select(b => Assert.IsType<ParagraphBlock>(b).Text));
        Assert.Equal(
            [
                ("Partnership Review", 1), ("1", 7), ("Partnership Review", 8), ("Page 2 of 3", 12), ("Partnership Review", 13), ("3", 16),
            ],
            document.Removed.Select(r => (r.Text, r.Line)));
        Assert.All(document.Removed, r => Assert.Equal("boilerplate", r.Reason));
    }

    [Fact]
    public void Parse_Pdf_StoredLinesAreTheRenderingTheBlocksPointInto()
    {
        var document = Parse(BuildPdf(Report, Footers)).Document!;

        Assert.Equal("continued to deepen in 2023 with new training and interoperability", document.Lines[2]);
        Assert.Equal("programmes across the armed forces.", document.Lines[3]);
        Assert.Equal([(2, 4), (6, 9), (11, 11), (14, 15)], document.Blocks.Cast<ParagraphBlock>().Select(p => (p.Line, p.LineEnd)));
        Assert.Equal(["1", "Partnership Review"], document.Lines.Skip(6).Take(2));
        Assert.Equal(16, document.Lines.Count);
    }

    [Fact]
    public void Parse_ArticlePrintedToPdf_GivesTheSameTablesAsTheText()
    {
        var articleLines = File.ReadAllLines(ExampleFiles.Article);
        var pdf = BuildPdf([articleLines[..34], articleLines[34..]], width: 2600, fontSize: 7);
        var text = DocumentIngestor.Parse("article.txt", File.ReadAllBytes(ExampleFiles.Article), ArticleOptions).Document!;

        var result = Parse(pdf, "article.pdf", ArticleOptions);

        Assert.Null(result.Failure);
        var expected = text.Blocks.OfType<TableBlock>().ToList();
        var actual = result.Document!.Blocks.OfType<TableBlock>().ToList();
        Assert.Equal(3, actual.Count);
        Assert.Equal(expected.Select(t => t.Columns), actual.Select(t => t.Columns));
        Assert.Equal(expected.Select(t => t.Rows), actual.Select(t => t.Rows));
        Assert.Equal(["Progress Area", "Achievements", "Ongoing Challenges"], actual[0].Columns);
        Assert.Equal(["Cybersecurity", "Implementation of new protocols", "Limited national"], actual[0].Rows[1]);
    }

    [Fact]
    public void Parse_GarbagePdf_IsUnreadableWithOneLine()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 300) + "\n%%EOF\n");

        var result = Parse(bytes, "broken.pdf");

        Assert.Equal(new IngestFailure(IngestFailureKind.Unreadable, "broken.pdf: the PDF cannot be read"), result.Failure);
    }

    [Fact]
    public void Parse_TruncatedPdf_IsUnreadableOrEmptyNeverACrash()
    {
        var bytes = BuildPdf(Report, Footers);

        var result = Parse(bytes[..(bytes.Length / 3)], "cut.pdf");

        Assert.NotNull(result.Failure);
        Assert.DoesNotContain('\n', result.Failure.Message);
        Assert.StartsWith("cut.pdf: ", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EncryptedPdf_IsUnreadableAndSaysSo()
    {
        var result = Parse(SampleDocuments.EncryptedPdf(), "secret.pdf");

        Assert.Equal(new IngestFailure(IngestFailureKind.Unreadable, "secret.pdf: the PDF is encrypted"), result.Failure);
    }

    [Fact]
    public void Parse_PdfWithoutPages_SaysItHasNoPages()
    {
        // Found by fuzzing: a page tree whose only kid is itself has no pages; the message said "no text (a scanned image?)".
        var bytes = SampleDocuments.RawPdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");

        var result = Parse(bytes, "empty.pdf");

        Assert.Equal(new IngestFailure(IngestFailureKind.Empty, "empty.pdf: the PDF has no pages"), result.Failure);
    }
}
