using System.Text;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Markdown: the markup's own structure is kept, with the file's line numbers.</summary>
public sealed class MarkdownTests
{
    private const string Document = """
        # NATO and Bosnia and Herzegovina

        The partnership deepened in **2023** with a new *package*.

        ## Initiatives

        | Initiative | Focus Area | Status |
        |:-----------|:----------:|-------:|
        | Defense Reform Program | Structural Modernization | Ongoing |
        | Cyber \| CERT Initiative | Digital Threat Protection | Launched 2023 |
        | Logistics Plan | Resources |

        Key issues include:

        - Complex constitutional setup: Restricting centralized decision-making.
        - Defence budget limitations: Affecting modernization.

        1. Enhancing cyber defense cooperation.
        2. Expanding participation in NATO-led training.

        ```html
        <p>pasted markup</p>
        ```

        A cell with <img src=x onerror=alert(1)> stays text.
        """;

    private static ParsedDocument Parse(string text) =>
        DocumentIngestor.Parse("doc.md", Encoding.UTF8.GetBytes(text), new IngestOptions()).Document!;

    [Fact]
    public void Parse_MarkdownFile_KeepsHeadingsParagraphsListsAndTableWithLineNumbers()
    {
        var document = Parse(Document);

        Assert.Equal("markdown", document.Source.Format);
        Assert.Equal(
            [("heading", 1), ("paragraph", 3), ("heading", 5), ("table", 7), ("list", 13), ("list", 18), ("paragraph", 25)],
            document.Blocks.Select(b => (b.Type, b.Line)));
        Assert.Equal("The partnership deepened in 2023 with a new package.", ((ParagraphBlock)document.Blocks[1]).Text);
    }

    [Fact]
    public void Parse_PipeTable_SkipsAlignmentRowUnescapesPipesAndLeavesMissingCellNull()
    {
        var table = Parse(Document).Blocks.OfType<TableBlock>().Single();

        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [
                ["Defense Reform Program", "Structural Modernization", "Ongoing"],
                ["Cyber | CERT Initiative", "Digital Threat Protection", "Launched 2023"],
                ["Logistics Plan", "Resources", null],
            ],
            table.Rows);
        Assert.Equal([9, 10, 11], table.CellLines.Select(r => r[0]!.Value));
        Assert.Null(table.CellLines[2][2]);
    }

    [Fact]
    public void Parse_BulletAndNumberedLists_GiveItemsWithLabelsAndIntro()
    {
        var lists = Parse(Document).Blocks.OfType<ListBlock>().ToList();

        Assert.Equal("Key issues include:", lists[0].Intro);
        Assert.Equal(
            [new ListItem("Complex constitutional setup", "Restricting centralized decision-making.", 15, false),
             new ListItem("Defence budget limitations", "Affecting modernization.", 16, false)],
            lists[0].Items);
        Assert.Equal(["Enhancing cyber defense cooperation.", "Expanding participation in NATO-led training."], lists[1].Items.Select(i => i.Text));
        Assert.All(lists[1].Items, i => Assert.Null(i.Label));
    }

    [Fact]
    public void Parse_CodeFenceAndInlineHtml_FenceRemovedHtmlKeptAsText()
    {
        var document = Parse(Document);

        var fence = Assert.Single(document.Removed);
        Assert.Equal(("code-fence", 21, 23), (fence.Reason, fence.Line, fence.LineEnd));
        Assert.Contains("<p>pasted markup</p>", fence.Text, StringComparison.Ordinal);
        Assert.Equal("A cell with <img src=x onerror=alert(1)> stays text.", ((ParagraphBlock)document.Blocks[^1]).Text);
    }

    [Fact]
    public void Parse_TableFlattenedIntoParagraphs_IsRecoveredAsInPlainText()
    {
        var document = Parse("## Progress\n\nProgress Area\n\nAchievements\n\nOngoing Challenges\n\nDefense Reform\n\nEnhanced interoperability\n\nSlow legislative approval\n\nCybersecurity\n\nImplementation of new protocols\n\nLimited national capacity\n\nThe review continues next year with a new set of goals for every area.\n");

        var table = document.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(["Progress Area", "Achievements", "Ongoing Challenges"], table.Columns);
        Assert.Equal(["Cybersecurity", "Implementation of new protocols", "Limited national capacity"], table.Rows[1]);
    }

    [Fact]
    public void Parse_QuotesNestedDeeperThanMarkdigAllows_IsUnreadableWithOneLine()
    {
        // Found by fuzzing: Markdig refuses nesting over 128 levels with an ArgumentException, which escaped Parse.
        var result = DocumentIngestor.Parse("deep.md", Encoding.UTF8.GetBytes(new string('>', 200) + " text\n"), new IngestOptions());

        Assert.Equal(new IngestFailure(IngestFailureKind.Unreadable, "deep.md: the Markdown cannot be read: its markup is nested too deeply"), result.Failure);
    }

    [Fact]
    public void Parse_EmphasisNestedFortyThousandDeep_KeepsItsText()
    {
        // Found by fuzzing: Markdig nests "**" pairs as deep as they go, and reading them by recursion overflowed the stack.
        var document = Parse(new string('*', 40_000) + "x" + new string('*', 40_000) + "\n");

        Assert.Equal("x", Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks)).Text);
    }
}
