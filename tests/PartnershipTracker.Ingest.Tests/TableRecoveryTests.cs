using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Tables flattened to one cell per line, one rule per document.</summary>
public sealed class TableRecoveryTests
{
    public static TheoryData<string> BothScorings => ["generic", "known"];

    private static IngestOptions Options(string scoring) => scoring == "known" ? Ingest.Known : Ingest.Generic;

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_TwoColumnsWithNumbersAndPercent_ReadsIndicatorValuePairs(string scoring)
    {
        var document = Ingest.Parse("""
            The ministry reported the following figures for the year.
            Indicator
            Value
            Trained officers
            1,200
            Exercises held
            14
            Budget share
            1.2%
            """, Options(scoring));

        var table = document.SingleTable();
        Assert.Equal([("paragraph", 1), ("table", 2)], document.Outline());
        Assert.Equal(["Indicator", "Value"], table.Columns);
        Assert.Equal([["Trained officers", "1,200"], ["Exercises held", "14"], ["Budget share", "1.2%"]], table.Rows);
        Assert.Equal([[4, 5], [6, 7], [8, 9]], table.CellLines);
        Assert.Equal((2, 9), (table.Line, table.LineEnd));
        Assert.Empty(document.Warnings);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_ThreeColumns_ReadsTwoRows(string scoring)
    {
        var table = Ingest.Parse("""
            Initiative
            Focus Area
            Status
            Defense Reform Program
            Structural Modernization
            Ongoing
            Cybersecurity Initiative
            Digital Threat Protection
            Launched 2023
            """, Options(scoring)).SingleTable();

        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"]],
            table.Rows);
        Assert.Empty(table.IncompleteRows);
        Assert.Empty(table.TruncatedCells);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_FourColumnsWithYears_ReadsThreeRows(string scoring)
    {
        var table = Ingest.Parse("""
            Initiative
            Lead
            Start
            Status
            Defence Review
            Ministry of Defence
            2021
            Completed
            Cyber Centre
            Armed Forces
            2023
            Ongoing
            Border Security Programme
            Border Police
            2022
            Ongoing
            """, Options(scoring)).SingleTable();

        Assert.Equal(["Initiative", "Lead", "Start", "Status"], table.Columns);
        Assert.Equal(
            [
                ["Defence Review", "Ministry of Defence", "2021", "Completed"],
                ["Cyber Centre", "Armed Forces", "2023", "Ongoing"],
                ["Border Security Programme", "Border Police", "2022", "Ongoing"],
            ],
            table.Rows);
        Assert.Equal([13, 14, 15, 16], table.CellLines[2]);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_FiveColumnsWithNumbersAndPercents_ReadsTwoRows(string scoring)
    {
        var table = Ingest.Parse("""
            Area
            Indicator
            Baseline
            Target
            Actual
            Personnel
            Officers trained
            120
            400
            310
            Budget
            Defence spending share
            0.8%
            2.0%
            1.1%
            """, Options(scoring)).SingleTable();

        Assert.Equal(["Area", "Indicator", "Baseline", "Target", "Actual"], table.Columns);
        Assert.Equal(
            [["Personnel", "Officers trained", "120", "400", "310"], ["Budget", "Defence spending share", "0.8%", "2.0%", "1.1%"]],
            table.Rows);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_SixColumnsWithDates_ReadsThreeRows(string scoring)
    {
        var table = Ingest.Parse("""
            Milestone
            Initiative
            Owner
            Due
            Done
            Status
            Draft strategy
            Cyber Centre
            Ministry of Security
            2023-03-31
            2023-05-02
            Completed
            Open training site
            Capacity Building
            Armed Forces
            2024-06-30
            2024-09-15
            Completed
            Certify first unit
            Joint Operations
            Joint Staff
            2025-12-31
            2025-11-20
            Completed
            """, Options(scoring)).SingleTable();

        Assert.Equal(["Milestone", "Initiative", "Owner", "Due", "Done", "Status"], table.Columns);
        Assert.Equal(
            [
                ["Draft strategy", "Cyber Centre", "Ministry of Security", "2023-03-31", "2023-05-02", "Completed"],
                ["Open training site", "Capacity Building", "Armed Forces", "2024-06-30", "2024-09-15", "Completed"],
                ["Certify first unit", "Joint Operations", "Joint Staff", "2025-12-31", "2025-11-20", "Completed"],
            ],
            table.Rows);
        Assert.Equal([19, 20, 21, 22, 23, 24], table.CellLines[2]);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_BlankLinesBetweenCells_ReadsSameTableWithOriginalLines(string scoring)
    {
        var table = Ingest.Parse("""
            Initiative

            Focus Area

            Status

            Defense Reform Program

            Structural Modernization

            Ongoing

            Cybersecurity Initiative

            Digital Threat Protection

            Launched 2023
            """, Options(scoring)).SingleTable();

        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"]],
            table.Rows);
        Assert.Equal([[7, 9, 11], [13, 15, 17]], table.CellLines);
        Assert.Equal((1, 17), (table.Line, table.LineEnd));
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_HeadingBeforeHeaderRow_HeadingIsNotAColumn(string scoring)
    {
        var document = Ingest.Parse("""
            The partnership has several programmes under way, and their status is tracked every year.
            Current Initiatives
            Initiative
            Focus Area
            Status
            Defense Reform Program
            Structural Modernization
            Ongoing
            Cybersecurity Initiative
            Digital Threat Protection
            Launched 2023
            """, Options(scoring));

        Assert.Equal([("paragraph", 1), ("heading", 2), ("table", 3)], document.Outline());
        Assert.Equal("Current Initiatives", Assert.IsType<HeadingBlock>(document.Blocks[1]).Text);
        var table = document.SingleTable();
        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"]],
            table.Rows);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_ParagraphDirectlyAfterTable_LastCellStaysACell(string scoring)
    {
        var document = Ingest.Parse("""
            Initiative
            Focus Area
            Status
            Defense Reform Program
            Structural Modernization
            Ongoing
            Cybersecurity Initiative
            Digital Threat Protection
            Launched 2023
            Both initiatives report to the joint steering board, which meets every quarter to review progress.
            """, Options(scoring));

        Assert.Equal([("table", 1), ("paragraph", 10)], document.Outline());
        var table = document.SingleTable();
        Assert.Equal(["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"], table.Rows[1]);
        Assert.Equal(9, table.LineEnd);
        Assert.DoesNotContain(document.Blocks, b => b is HeadingBlock);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_HeadingThenParagraphAfterTable_HeadingIsNotACell(string scoring)
    {
        var document = Ingest.Parse("""
            Initiative
            Focus Area
            Status
            Defense Reform Program
            Structural Modernization
            Ongoing
            Cybersecurity Initiative
            Digital Threat Protection
            Launched 2023
            Closing Remarks
            Both initiatives report to the joint steering board, which meets every quarter to review progress.
            """, Options(scoring));

        Assert.Equal([("table", 1), ("heading", 10), ("paragraph", 11)], document.Outline());
        Assert.Equal("Closing Remarks", Assert.IsType<HeadingBlock>(document.Blocks[1]).Text);
        var table = document.SingleTable();
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"], table.Rows[1]);
        Assert.Empty(table.IncompleteRows);
    }

    [Theory]
    [MemberData(nameof(BothScorings))]
    public void Parse_DocumentEndsMidRow_KeepsRowWithNullCellAndWarns(string scoring)
    {
        var document = Ingest.Parse("""
            Initiative
            Focus Area
            Status
            Defense Reform Program
            Structural Modernization
            Ongoing
            Cybersecurity Initiative
            Digital Threat Protection
            """, Options(scoring));

        var table = document.SingleTable();
        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Digital Threat Protection", null]],
            table.Rows);
        Assert.Equal([7, 8, null], table.CellLines[1]);
        Assert.Equal([1], table.IncompleteRows);
        Assert.Empty(table.TruncatedCells);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(("incomplete-row", 7), (warning.Code, warning.Line));
        Assert.Contains("missing 1 of 3 cells", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TableWithUnfamiliarHeadersAndNumbers_ReadsByColumnShapeAlone()
    {
        var table = Ingest.Parse("""
            Municipality
            Households
            Share Connected
            Bihać
            18,400
            72%
            Tuzla
            41,900
            88%
            Mostar
            37,100
            81%
            """).SingleTable();

        Assert.Equal(["Municipality", "Households", "Share Connected"], table.Columns);
        Assert.Equal([["Bihać", "18,400", "72%"], ["Tuzla", "41,900", "88%"], ["Mostar", "37,100", "81%"]], table.Rows);
    }

    [Fact]
    public void Parse_KnownHeaderInDataCell_IsReadAsHeader()
    {
        var table = Ingest.Parse("""
            Programme
            Phase
            Owner
            Defence Review
            Second
            Ministry of Defence
            Cyber Centre
            First
            Ministry of Security
            """, new IngestOptions { KnownHeaders = ["Programme", "Phase", "Owner"] }).SingleTable();

        Assert.Equal(["Programme", "Phase", "Owner"], table.Columns);
        Assert.Equal([["Defence Review", "Second", "Ministry of Defence"], ["Cyber Centre", "First", "Ministry of Security"]], table.Rows);
    }
}
