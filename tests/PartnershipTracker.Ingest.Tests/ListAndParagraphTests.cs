using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>"Label: text" lists, sentence lists after an intro, and hard-wrapped paragraphs.</summary>
public sealed class ListAndParagraphTests
{
    [Fact]
    public void Parse_LabelListWithoutIntro_ItemsHaveLabelsAndNoIntro()
    {
        var document = Ingest.Parse("""
            Reform Priorities
            Defence planning: The ministry adopted a new review process.
            Procurement: Contracts above one million are now published.
            Personnel: Officer training follows alliance standards.
            """);

        Assert.Equal([("heading", 1), ("list", 2)], document.Outline());
        var list = document.SingleList();
        Assert.Null(list.Intro);
        Assert.Equal(
            [
                new ListItem("Defence planning", "The ministry adopted a new review process.", 2, false),
                new ListItem("Procurement", "Contracts above one million are now published.", 3, false),
                new ListItem("Personnel", "Officer training follows alliance standards.", 4, false),
            ],
            list.Items);
    }

    [Fact]
    public void Parse_LabelListWithIntroLine_IntroIsTheLineAndNoParagraph()
    {
        var document = Ingest.Parse("""
            Key areas of development include:
            Capacity Building: Implementing advanced training programs for armed forces.
            Cyber Defense: Strengthening resilience against digital threats.
            """);

        Assert.Equal([("list", 1)], document.Outline());
        var list = document.SingleList();
        Assert.Equal("Key areas of development include:", list.Intro);
        Assert.Equal(
            [
                new ListItem("Capacity Building", "Implementing advanced training programs for armed forces.", 2, false),
                new ListItem("Cyber Defense", "Strengthening resilience against digital threats.", 3, false),
            ],
            list.Items);
    }

    [Fact]
    public void Parse_ParagraphEndingInInclude_KeepsParagraphAndListsSentencesWithLastSentenceAsIntro()
    {
        var document = Ingest.Parse("""
            The review found progress in several fields. Main achievements include:
            Adopting the defence review on schedule.
            Opening the cyber centre in Sarajevo.
            Certifying the first deployable unit.
            """);

        Assert.Equal([("paragraph", 1), ("list", 1)], document.Outline());
        Assert.Equal("The review found progress in several fields. Main achievements include:", Assert.IsType<ParagraphBlock>(document.Blocks[0]).Text);
        var list = document.SingleList();
        Assert.Equal("Main achievements include:", list.Intro);
        Assert.Equal(
            [
                new ListItem(null, "Adopting the defence review on schedule.", 2, false),
                new ListItem(null, "Opening the cyber centre in Sarajevo.", 3, false),
                new ListItem(null, "Certifying the first deployable unit.", 4, false),
            ],
            list.Items);
    }

    [Fact]
    public void Parse_ListFollowedByTable_ListEndsWhereTableBegins()
    {
        var document = Ingest.Parse("""
            Open items include:
            Adopting the defence review on schedule.
            Opening the cyber centre in Sarajevo.
            Status
            Owner
            Due
            Cyber Centre
            Ministry of Security
            2024-06-30
            Training Site
            Armed Forces
            2025-03-31
            """);

        Assert.Equal([("list", 1), ("table", 4)], document.Outline());
        Assert.Equal([2, 3], document.SingleList().Items.Select(i => i.Line));
        var table = document.SingleTable();
        Assert.Equal(["Status", "Owner", "Due"], table.Columns);
        Assert.Equal([["Cyber Centre", "Ministry of Security", "2024-06-30"], ["Training Site", "Armed Forces", "2025-03-31"]], table.Rows);
    }

    [Fact]
    public void Parse_HardWrappedParagraph_JoinsLinesIntoOneParagraph()
    {
        var document = Ingest.Parse("""
            The defence reform programme was adopted in 2021 and has since
            guided the modernisation of the armed forces, including their
            training and equipment.
            """);

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks));
        Assert.Equal(
            "The defence reform programme was adopted in 2021 and has since guided the modernisation of the armed forces, including their training and equipment.",
            paragraph.Text);
        Assert.Equal((1, 3), (paragraph.Line, paragraph.LineEnd));
        Assert.False(paragraph.Truncated);
    }

    [Fact]
    public void Parse_BlankLineBetweenLines_DoesNotJoinThem()
    {
        var document = Ingest.Parse("""
            The defence reform programme was adopted in 2021 and has since guided the armed forces

            and the second paragraph, though it starts in lower case, stands alone after the blank line.
            """);

        var paragraphs = document.Blocks.Cast<ParagraphBlock>().ToList();
        Assert.Equal([(1, 1), (3, 3)], paragraphs.Select(p => (p.Line, p.LineEnd)));
        Assert.Equal("The defence reform programme was adopted in 2021 and has since guided the armed forces", paragraphs[0].Text);
    }

    [Fact]
    public void Parse_SentenceEndThenCapitalisedLine_DoesNotJoinThem()
    {
        var document = Ingest.Parse("""
            The defence reform programme was adopted in 2021 after a long debate.
            Parliament approved the first phase of its budget in the same year.
            """);

        Assert.Equal([("paragraph", 1), ("paragraph", 2)], document.Outline());
    }

    [Fact]
    public void Parse_ParagraphOfHundredThousandWrappedLines_IsOneParagraph()
    {
        // Found by fuzzing: joining by string concatenation was quadratic (ten seconds for 20,000 lines; past the 30 s limit here).
        var lines = Enumerable.Range(0, 100_000).Select(i => $"continued line {i}").ToList();

        var document = Ingest.Parse("Start\n" + string.Join('\n', lines));

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks));
        Assert.Equal((1, 100_001), (paragraph.Line, paragraph.LineEnd));
        Assert.Equal("Start " + string.Join(' ', lines), paragraph.Text);
    }
}
