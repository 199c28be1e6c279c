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

    /// <summary>Text placed on A4 pages (595 × 842 points), each piece at its left end and baseline, in Helvetica of the given size.</summary>
    private static byte[] PlacedPdf(params (string Text, double X, double Y, double Size)[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var pieces in pages)
        {
            var page = builder.AddPage(595, 842);
            foreach (var (text, x, y, size) in pieces)
            {
                page.AddText(text, size, new PdfPoint(x, y), font);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A table as a browser prints one: each row's cells on one baseline, the columns <paramref name="cellGap"/> points
    /// apart, rows <paramref name="rowStep"/> points apart. A cell given as "first|second" wraps onto a second line.
    /// </summary>
    private static byte[] TablePdf(double size, double cellGap, double rowStep, params string[][] rows)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        double Width(string text) => page.MeasureText(text, size, new PdfPoint(0, 0), font).Max(l => l.EndBaseLine.X);
        var columns = new double[rows.Max(r => r.Length)];
        columns[0] = 40;
        for (var c = 1; c < columns.Length; c++)
        {
            columns[c] = columns[c - 1] + rows.Where(r => r.Length > c - 1).Max(r => r[c - 1].Split('|').Max(Width)) + cellGap;
        }

        var y = 800.0;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var parts = row[c].Split('|');
                for (var l = 0; l < parts.Length; l++)
                {
                    page.AddText(parts[l], size, new PdfPoint(columns[c], y - (l * size * 1.2)), font);
                }
            }

            y -= rowStep + ((row.Max(c => c.Split('|').Length) - 1) * size * 1.2);
        }

        return builder.Build();
    }

    /// <summary>
    /// Paragraphs set as a browser sets them, in Helvetica 12 from x = 40: each filled line by line up to
    /// <paramref name="width"/> points (a line may also break after a hyphen), a blank line between paragraphs, and a
    /// new page after <paramref name="linesPerPage"/> lines. A paragraph starting "- " is a list item: no blank line
    /// before it, the "- " not drawn. Also returns the lines drawn on each page ("" for the blank lines).
    /// </summary>
    private static (byte[] Pdf, List<List<string>> Drawn) FlowPdf(string[] paragraphs, double width, int linesPerPage)
    {
        const double size = 12;
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var measure = builder.AddPage(595, 842);
        double Width(string text) => measure.MeasureText(text, size, new PdfPoint(0, 0), font).Max(l => l.EndBaseLine.X);
        var lines = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var item = paragraph.StartsWith("- ", StringComparison.Ordinal);
            if (lines.Count > 0 && !item)
            {
                lines.Add("");
            }

            var line = "";
            foreach (var token in System.Text.RegularExpressions.Regex.Split(item ? paragraph[2..] : paragraph, @"(?<=-)|(?<= )"))
            {
                if (line.Length > 0 && Width((line + token).TrimEnd()) > width)
                {
                    lines.Add(line.TrimEnd());
                    line = "";
                }

                line += token;
            }

            lines.Add(line.TrimEnd());
        }

        var drawn = lines.Chunk(linesPerPage).Select(c => c.ToList()).ToList();
        var pdf = new PdfDocumentBuilder();
        var pdfFont = pdf.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var pageLines in drawn)
        {
            var page = pdf.AddPage(595, 842);
            var y = 800.0;
            foreach (var text in pageLines)
            {
                if (text.Length > 0)
                {
                    page.AddText(text, size, new PdfPoint(40, y), pdfFont);
                }

                y -= size * 1.2;
            }
        }

        return (pdf.Build(), drawn);
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
                ("Partnership Review", 1), ("1", 6), ("Partnership Review", 7), ("Page 2 of 3", 10), ("Partnership Review", 11), ("3", 14),
            ],
            document.Removed.Select(r => (r.Text, r.Line)));
        Assert.All(document.Removed, r => Assert.Equal("boilerplate", r.Reason));
    }

    [Fact]
    public void Parse_Pdf_StoredLinesAreTheRenderingTheBlocksPointInto()
    {
        var document = Parse(BuildPdf(Report, Footers)).Document!;

        Assert.Equal(
            "The partnership between NATO and Bosnia and Herzegovina continued to deepen in 2023 with new training and interoperability programmes across the armed forces.",
            document.Lines[2]);
        Assert.Equal("A second paragraph begins on the first page and then runs on to the second page without any break in the text at all.", document.Lines[4]);
        Assert.Equal([(3, 3), (5, 5), (9, 9), (13, 13)], document.Blocks.Cast<ParagraphBlock>().Select(p => (p.Line, p.LineEnd)));
        Assert.Equal(["1", "Partnership Review"], document.Lines.Skip(5).Take(2));
        Assert.Equal(14, document.Lines.Count);
    }

    [Fact]
    public void Parse_BrowserHeaderAndFooterInTwoPartsEach_AreRemovedWhole()
    {
        // A browser prints the date and the title on one row at the top, the address and "page/pages" on one at the bottom.
        static (string, double, double, double)[] Page(int number, string body) =>
        [
            ("3/14/24, 9:05 AM", 24, 818, 8), ("NATO and BiH | Example News", 250, 818, 8),
            (body, 40, 780, 12),
            ("https://news.example/nato-bih", 24, 20, 8), ($"{number}/3", 555, 20, 8),
        ];

        var document = Parse(PlacedPdf(Page(1, "The first page has one paragraph."), Page(2, "So does the second page."), Page(3, "And the third."))).Document!;

        Assert.Equal(["The first page has one paragraph.", "So does the second page.", "And the third."], document.Blocks.Select(b => Assert.IsType<ParagraphBlock>(b).Text));
        Assert.Equal(
            [
                "3/14/24, 9:05 AM", "NATO and BiH | Example News", "https://news.example/nato-bih", "1/3",
                "3/14/24, 9:05 AM", "NATO and BiH | Example News", "https://news.example/nato-bih", "2/3",
                "3/14/24, 9:05 AM", "NATO and BiH | Example News", "https://news.example/nato-bih", "3/3",
            ],
            document.Removed.Select(r => r.Text));
        Assert.All(document.Removed, r => Assert.Equal("boilerplate", r.Reason));
    }

    [Fact]
    public void Parse_TableCellsAnEmApart_AreCellsOfTheirOwn()
    {
        var pdf = TablePdf(
            10,
            cellGap: 12,
            rowStep: 24,
            ["Initiative", "Focus Area", "Status"],
            ["Defense Reform Program", "Structural Modernization", "Ongoing"],
            ["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"]);

        var table = Parse(pdf, options: Ingest.Known).Document!.SingleTable();

        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"]],
            table.Rows);
    }

    [Fact]
    public void Parse_WrappedParagraphs_AreJoinedWhereTheNextWordWouldNotHaveFitted()
    {
        string[] paragraphs =
        [
            "Bosnia and Herzegovina continues its journey toward Euro-Atlantic integration, and its cooperation with NATO grew over the year in training and defence reform. NATO-led exercises are held each year with the armed forces.",
            "Officials in Sarajevo say that the road toward Euro-Atlantic membership remains long.",
            "Key areas include:",
            "- Capacity Building: Advanced training for the armed forces.",
            "- Joint Operations: Multinational missions.",
        ];

        var (pdf, drawn) = FlowPdf(paragraphs, width: 310, linesPerPage: 3);
        var document = Parse(pdf).Document!;

        // Set like a browser: lines broken before a capital, after hyphens and across pages; the first list item fills its line.
        Assert.Equal(
            [
                ["Bosnia and Herzegovina continues its journey toward", "Euro-Atlantic integration, and its cooperation with NATO", "grew over the year in training and defence reform. NATO-"],
                ["led exercises are held each year with the armed forces.", "", "Officials in Sarajevo say that the road toward Euro-"],
                ["Atlantic membership remains long.", "", "Key areas include:"],
                ["Capacity Building: Advanced training for the armed forces.", "Joint Operations: Multinational missions."],
            ],
            drawn);
        Assert.Equal(
            [
                "paragraph: " + paragraphs[0],
                "paragraph: " + paragraphs[1],
                "list: Key areas include: Capacity Building | Joint Operations",
            ],
            document.Blocks.Select(b => b switch
            {
                ParagraphBlock p => "paragraph: " + p.Text,
                ListBlock l => $"list: {l.Intro} {string.Join(" | ", l.Items.Select(i => i.Label))}",
                _ => b.Type,
            }));
    }

    [Fact]
    public void Parse_RowUnderTableCellsThatSpansSeveralOfThem_DoesNotContinueACell()
    {
        // A table printed without a stylesheet: header cells far apart, a data row whose cells sit too close to split.
        (string, double, double, double)[] page =
        [
            ("Initiative", 74, 720, 12), ("Focus Area", 194, 720, 12), ("Status", 307, 720, 12),
            ("Defense Reform Program Structural Modernization Ongoing", 36, 703.5, 12),
            ("Cybersecurity Initiative", 36, 687, 12), ("Digital Threat Protection Launched 2023", 180, 687, 12),
        ];

        var document = Parse(PlacedPdf(page)).Document!;

        Assert.Equal(
            ["Initiative", "Focus Area", "Status", "Defense Reform Program Structural Modernization Ongoing", "Cybersecurity Initiative", "Digital Threat Protection Launched 2023"],
            document.Lines.Where(l => l.Length > 0));
    }

    [Fact]
    public void Parse_OneRowOfSpacedOutWords_IsALineNotTableCells()
    {
        var pdf = TablePdf(10, cellGap: 12, rowStep: 24, ["Home", "Analysis", "Balkans", "About"]);

        var document = Parse(pdf).Document!;

        Assert.Equal(["Home Analysis Balkans About"], document.Lines);
        Assert.DoesNotContain(document.Blocks, b => b is TableBlock);
    }

    [Fact]
    public void Parse_WordBrokenAtItsOwnHyphen_KeepsTheHyphenTheDocumentWritesElsewhere()
    {
        (string, double, double, double)[] page =
        [
            ("The right-wing parties and the left-wing parties voted for the right-", 40, 800, 12),
            ("wing motion in the chamber.", 40, 785.6, 12),
        ];

        var document = Parse(PlacedPdf(page)).Document!;

        Assert.Equal(
            "The right-wing parties and the left-wing parties voted for the right-wing motion in the chamber.",
            Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks)).Text);
    }

    [Fact]
    public void Parse_CaptionSetInFromTheText_DoesNotRunOnIntoTheNextParagraphButAnIndentedFirstLineDoes()
    {
        (string, double, double, double)[] page =
        [
            ("Photo: the new street sign in the African Quarter of Wedding, Berlin", 70, 800, 12),
            ("In January the capital launched a project to mark its colonial past.", 40, 785.6, 12),
            ("The renaming of three streets in Wedding has been a major issue for", 58, 756.8, 12),
            ("local groups, who asked for new names in 2016.", 40, 742.4, 12),
        ];

        var document = Parse(PlacedPdf(page)).Document!;

        Assert.Equal(
            [
                "Photo: the new street sign in the African Quarter of Wedding, Berlin",
                "In January the capital launched a project to mark its colonial past.",
                "The renaming of three streets in Wedding has been a major issue for local groups, who asked for new names in 2016.",
            ],
            document.Blocks.Select(b => Assert.IsType<ParagraphBlock>(b).Text));
    }

    [Fact]
    public void Parse_TableCellWrappedOntoASecondLine_IsOneCell()
    {
        var pdf = TablePdf(
            10,
            cellGap: 12,
            rowStep: 24,
            ["Focus Area", "Strategic Action", "Expected Outcome"],
            ["Political Dialogue", "Regular high-level|consultations", "Improved alignment on|security policies"],
            ["Military|Training", "Joint exercises", "Enhanced readiness"]);

        var table = Parse(pdf, options: new IngestOptions { KnownHeaders = ["Focus Area", "Strategic Action", "Expected Outcome"] }).Document!.SingleTable();

        Assert.Equal(
            [["Political Dialogue", "Regular high-level consultations", "Improved alignment on security policies"], ["Military Training", "Joint exercises", "Enhanced readiness"]],
            table.Rows);
    }

    [Fact]
    public void Parse_LinesSetLargerThanTheBody_AreHeadings()
    {
        (string, double, double, double)[] page =
        [
            ("Example News", 40, 800, 14),
            ("World Politics Defence", 40, 780, 10),
            ("NATO and Bosnia and Herzegovina", 40, 740, 24),
            ("Published 12 March 2024", 40, 715, 10),
            ("The partnership deepened in 2023 with a new reform package for the armed forces.", 40, 690, 12),
            ("Key Figures", 40, 660, 18),
            ("The ministry published its figures in March.", 40, 640, 12),
        ];

        var document = Parse(PlacedPdf(page)).Document!;

        Assert.Equal(
            [
                ("heading", "Example News"), ("heading", "World Politics Defence"), ("heading", "NATO and Bosnia and Herzegovina"),
                ("heading", "Published 12 March 2024"), ("paragraph", "The partnership deepened in 2023 with a new reform package for the armed forces."),
                ("heading", "Key Figures"), ("paragraph", "The ministry published its figures in March."),
            ],
            document.Blocks.Select(b => (b.Type, b is HeadingBlock h ? h.Text : ((ParagraphBlock)b).Text)));
        Assert.Equal("Example News", document.Source.Title);
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
    public void Parse_TextDrawnWithLigatureGlyphs_HasPlainLetters()
    {
        // Helvetica with codes 1, 2 and 3 re-encoded to the glyphs "fi", "fl" and "ff": their text is U+FB01, U+FB02, U+FB00.
        const string content = "BT /F1 12 Tf 40 700 Td (The signi\\001cant e\\003ort of the \\002eet.) Tj ET";
        var pdf = SampleDocuments.RawPdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /ff] >> >>",
            FormattableString.Invariant($"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
        ]);

        var document = Parse(pdf, "ligatures.pdf").Document!;

        Assert.Equal(["The significant effort of the fleet."], document.Lines);
    }

    [Fact]
    public void Parse_GlyphsMappedToNoCharacter_AreLeftOut()
    {
        // Code 1 maps to U+0000, as glyphs of a script the font cannot name do, and comes out as a control character;
        // printable ASCII maps to itself.
        const string cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test-UCS def /CMapType 2 def "
            + "1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <01> <0000> endbfchar "
            + "1 beginbfrange <20> <7E> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
        const string content = "BT /F1 12 Tf 40 700 Td (Amharic \\001\\001\\001 and Hindi\\001\\001.) Tj ET";
        var pdf = SampleDocuments.RawPdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            FormattableString.Invariant($"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
            FormattableString.Invariant($"<< /Length {cmap.Length} >>\nstream\n{cmap}\nendstream"),
        ]);

        var document = Parse(pdf, "scripts.pdf").Document!;

        Assert.Equal(["Amharic and Hindi."], document.Lines);
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
