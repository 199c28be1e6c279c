using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>
/// The example article as a reader meets it on the web, in <c>Fixtures/</c>: its page as the site shows it (tables
/// flattened one cell per line) and as it would look with its tables marked up, each printed to PDF by Chromium
/// with the browser's running header and footer (<c>print-fixtures.sh</c>). All four must give the text version's
/// three tables, cell by cell.
/// </summary>
public sealed class PrintedArticleTests
{
    private static readonly IngestOptions Options = new()
    {
        KnownHeaders = ["Progress Area", "Achievements", "Ongoing Challenges", "Initiative", "Focus Area", "Status", "Strategic Action", "Expected Outcome"],
    };

    public static TheoryData<string> Fixtures => ["article-flattened.html", "article-flattened.pdf", "article-tables.html", "article-tables.pdf"];

    private static ParsedDocument Parse(string fixture)
    {
        var result = DocumentIngestor.Parse(fixture, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)), Options);
        Assert.Null(result.Failure);
        return result.Document!;
    }

    private static ParsedDocument Text() => DocumentIngestor.Parse("article.txt", File.ReadAllBytes(ExampleFiles.Article), Options).Document!;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_ArticlePageOrItsPrint_GivesTheTextsThreeTablesCellByCell(string fixture)
    {
        var expected = Text().Blocks.OfType<TableBlock>().ToList();

        var actual = Parse(fixture).Blocks.OfType<TableBlock>().ToList();

        Assert.Equal(3, actual.Count);
        Assert.Equal(
            [["Progress Area", "Achievements", "Ongoing Challenges"], ["Initiative", "Focus Area", "Status"], ["Focus Area", "Strategic Action", "Expected Outcome"]],
            actual.Select(t => t.Columns));
        Assert.Equal(expected.Select(t => t.Columns), actual.Select(t => t.Columns));
        Assert.Equal(expected.Select(t => t.Rows), actual.Select(t => t.Rows));
        Assert.All(actual, t => Assert.Empty(t.IncompleteRows));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_ArticlePageOrItsPrint_GivesTheTextsThreeListsItemByItem(string fixture)
    {
        static List<(string? Intro, string Items)> Lists(ParsedDocument document) =>
            [.. document.Blocks.OfType<ListBlock>().Select(l => (l.Intro, string.Join(" | ", l.Items.Select(i => $"{i.Label}: {i.Text}"))))];

        Assert.Equal(Lists(Text()), Lists(Parse(fixture)));
    }

    [Theory]
    [InlineData("article-flattened.pdf", 5)]
    [InlineData("article-tables.pdf", 4)]
    public void Parse_PrintedArticle_RemovesTheBrowsersHeaderAndFooterOnEveryPageAndTheTextsDamage(string fixture, int pages)
    {
        var document = Parse(fixture);

        Assert.Equal(
            [("assistant-text", 1), ("boilerplate", pages * 4), ("code-fence", 1), ("duplicate", 1)],
            document.Removed.GroupBy(r => r.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
        Assert.Equal(pages, document.Removed.Count(r => r.Reason == "boilerplate" && r.Text.StartsWith("file:///tmp/ptrack-print/", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, pages).Select(p => $"{p}/{pages}"), document.Removed.Where(r => r.Text.Contains('/', StringComparison.Ordinal) && r.Text.Length <= 3).Select(r => r.Text));
        Assert.StartsWith("Over the past decade", document.Removed.Single(r => r.Reason == "duplicate").Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_ArticlePageOrItsPrint_HasTheArticlesHeadingsAfterThePagesOwn(string fixture)
    {
        var headings = Parse(fixture).Blocks.OfType<HeadingBlock>().Select(h => h.Text).ToList();

        // The site's name and menu are text in a PDF: nothing marks them as page furniture any more.
        string[] site = fixture.EndsWith(".pdf", StringComparison.Ordinal) ? ["Example Security Review", "Home Analysis Balkans About"] : [];
        Assert.Equal(
            [
                .. site,
                "NATO and Bosnia and Herzegovina", "Published 12 March 2024",
                "Progress and Challenges in NATO Bosnian Partnership", "Enhancing Security Cooperation and Defense Capabilities",
                "Strategic Recommendations for Deepening Alliance Integration", "Closing Remarks",
            ],
            headings);
    }

    [Fact]
    public void Parse_ArticleAsTheSitePrintsIt_FlagsTheCutOffCellAsTheTextDoes()
    {
        // Here the assistant's reply runs on from the cell, as in the text. In the marked-up page it is a paragraph
        // after the table, so nothing there shows that "Limited national" was cut off.
        var table = Parse("article-flattened.pdf").Blocks.OfType<TableBlock>().First();

        Assert.Equal([new CellRef(1, 2)], table.TruncatedCells);
        Assert.Equal("Limited national", table.Rows[1][2]);
    }

    [Fact]
    public void Parse_PrintedArticle_HasPlainLettersWhereTheFontHasLigatures()
    {
        var lines = Parse("article-flattened.pdf").Lines;

        Assert.DoesNotContain(lines, l => l.Any(c => c is >= '\uFB00' and <= '\uFB06'));
        Assert.Contains(lines, l => l.Contains("has marked significant milestones", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("contribute more effectively", StringComparison.Ordinal));
    }
}
