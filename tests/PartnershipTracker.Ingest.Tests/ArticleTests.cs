using System.Text;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>The example article, with the exact structure the acceptance list of the foundation issue gives.</summary>
public sealed class ArticleTests
{
    private static readonly IngestOptions Options = new()
    {
        KnownHeaders = ["Progress Area", "Achievements", "Ongoing Challenges", "Initiative", "Focus Area", "Status", "Strategic Action", "Expected Outcome"],
    };

    private static ParsedDocument Article()
    {
        var result = DocumentIngestor.Parse("article.txt", File.ReadAllBytes(ExampleFiles.Article), Options);
        Assert.Null(result.Failure);
        return result.Document!;
    }

    [Fact]
    public void Parse_Article_GivesExactlyThreeTables()
    {
        var tables = Article().Blocks.OfType<TableBlock>().ToList();

        Assert.Equal(3, tables.Count);
        Assert.Equal(["Progress Area", "Achievements", "Ongoing Challenges"], tables[0].Columns);
        Assert.Equal(["Initiative", "Focus Area", "Status"], tables[1].Columns);
        Assert.Equal(["Focus Area", "Strategic Action", "Expected Outcome"], tables[2].Columns);
    }

    [Fact]
    public void Parse_Article_ProgressTableKeepsTruncatedCellAndFlagsIt()
    {
        var table = Article().Blocks.OfType<TableBlock>().First();

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["Defense Reform", "Enhanced interoperability", "Slow legislative approval"], table.Rows[0]);
        Assert.Equal(["Cybersecurity", "Implementation of new protocols", "Limited national"], table.Rows[1]);
        Assert.Equal([new CellRef(1, 2)], table.TruncatedCells);
        Assert.Empty(table.IncompleteRows);
        Assert.Equal([11, 12, 13], table.CellLines[0]);
        Assert.Equal([14, 15, 16], table.CellLines[1]);
    }

    [Fact]
    public void Parse_Article_InitiativesAndRecommendationsTablesHaveAllRows()
    {
        var tables = Article().Blocks.OfType<TableBlock>().ToList();

        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"]],
            tables[1].Rows);
        Assert.Equal(
            [
                ["Political Dialogue", "Regular high-level consultations", "Improved alignment on security policies"],
                ["Military Training", "Joint exercises and NATO courses", "Enhanced readiness and cooperation"],
                ["Cybersecurity", "Shared intelligence and resources", "Robust defense against cyber threats"],
                ["Defense Modernization", "Investment in new technology", "Interoperable and capable armed forces"],
            ],
            tables[2].Rows);
        Assert.Empty(tables[1].TruncatedCells);
        Assert.Empty(tables[2].IncompleteRows);
    }

    [Fact]
    public void Parse_Article_HeadingAfterTableIsNotACell()
    {
        var headings = Article().Blocks.OfType<HeadingBlock>().Select(h => (h.Line, h.Text)).ToList();

        Assert.Equal(
            [
                (2, "Progress and Challenges in NATO Bosnian Partnership"),
                (30, "Enhancing Security Cooperation and Defense Capabilities"),
                (46, "Strategic Recommendations for Deepening Alliance Integration"),
                (67, "Closing Remarks"),
            ],
            headings);
    }

    [Fact]
    public void Parse_Article_ListsHaveTheirItemsWithLabels()
    {
        var lists = Article().Blocks.OfType<ListBlock>().ToList();

        Assert.Equal(3, lists.Count);
        Assert.Equal("Key issues include:", lists[0].Intro);
        Assert.Equal(
            [
                new ListItem("Complex constitutional setup", "Restricting centralized decision-making on defense matters.", 5, false),
                new ListItem("Defence budget limitations", "Affecting modernization and capability development.", 6, false),
                new ListItem("Delays in defense property registration", "Impeding military infrastructure improvements.", 7, false),
            ],
            lists[0].Items);
        Assert.Equal("Key areas of development include:", lists[1].Intro);
        Assert.Equal(["Capacity Building", "Equipment Modernization", "Cyber Defense", "Joint Operations"], lists[1].Items.Select(i => i.Label));
        Assert.Equal("Key recommendations include:", lists[2].Intro);
        Assert.Equal([49, 50, 51], lists[2].Items.Select(i => i.Line));
        Assert.All(lists[2].Items, i => Assert.Null(i.Label));
        Assert.StartsWith("Enhancing cyber defense cooperation", lists[2].Items[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Article_RemovesAssistantTextCodeFenceAndRepeatedPassage()
    {
        var removed = Article().Removed;

        var assistant = Assert.Single(removed, r => r.Reason == "assistant-text");
        Assert.Equal(16, assistant.Line);
        Assert.StartsWith("It looks like your HTML content was cut off", assistant.Text, StringComparison.Ordinal);
        var fence = Assert.Single(removed, r => r.Reason == "code-fence");
        Assert.Equal(17, fence.Line);
        var duplicate = Assert.Single(removed, r => r.Reason == "duplicate");
        Assert.Equal((18, 29, 3), (duplicate.Line, duplicate.LineEnd, duplicate.DuplicateOf));
        Assert.Contains("Restricts centralized decision-making", duplicate.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Article_NoPassageAppearsTwice()
    {
        var document = Article();
        var paragraphs = document.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).ToList();

        Assert.Equal(paragraphs.Count, paragraphs.Distinct().Count());
        Assert.Equal(7, paragraphs.Count);
        Assert.DoesNotContain(document.Blocks, b => b.Line is >= 17 and <= 29);
    }

    [Fact]
    public void Parse_Article_SourceInfoHasHashAndTitle()
    {
        var bytes = File.ReadAllBytes(ExampleFiles.Article);
        var info = Article().Source;

        Assert.Equal("article.txt", info.Name);
        Assert.Equal("text", info.Format);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), info.Sha256);
        Assert.Equal(64, info.Sha256.Length);
        Assert.Equal(Encoding.UTF8.GetByteCount(File.ReadAllText(ExampleFiles.Article)), info.Bytes);
    }
}
