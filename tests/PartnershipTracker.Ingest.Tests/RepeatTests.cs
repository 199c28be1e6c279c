using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Repeated passages are kept once; a cut-off first copy is completed from the later one.</summary>
public sealed class RepeatTests
{
    [Fact]
    public void Parse_SectionRepeatedWithSmallEdits_KeepsFirstCopyAndListsLaterAsDuplicate()
    {
        var document = Ingest.Parse("""
            Defence Reform
            The ministry adopted the long-term development plan in 2023, setting out how the armed forces will be modernised over ten years.
            Parliament approved the budget for the first phase, although the funds arrived late in the year.
            Observers noted that the plan depends on continued political agreement between the entities.
            Cyber Defence
            A national cyber response team was set up in 2024 and joined the alliance's incident exchange.
            Here is the cleaned-up version:
            Defence Reform
            The ministry adopted the long-term development plan in 2023, setting out how the armed forces would be modernised over ten years.
            Parliament approved the budget for its first phase, although the funds arrived late in the year.
            Observers noted that the plan depends on continued political agreement between both entities.
            """);

        Assert.Equal([("heading", 1), ("paragraph", 2), ("paragraph", 3), ("paragraph", 4), ("heading", 5), ("paragraph", 6)], document.Outline());
        Assert.Contains("armed forces will be modernised", ((ParagraphBlock)document.Blocks[1]).Text, StringComparison.Ordinal);
        Assert.Equal(
            [("assistant-text", 7, 7, (int?)null), ("duplicate", 8, 11, 1)],
            document.Removed.Select(r => (r.Reason, r.Line, r.LineEnd, r.DuplicateOf)));
        Assert.StartsWith("Defence Reform\nThe ministry adopted", document.Removed[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HtmlSectionRepeatedWithItsTableCutOffMidRow_RemovesTheWholeCopy()
    {
        const string html = """
            <html><body><main>
            <p>The partnership deepened over the decade, with training and joint exercises for the armed forces.</p>
            <table>
              <tr><th>Progress Area</th><th>Achievements</th></tr>
              <tr><td>Defense Reform</td><td>Enhanced interoperability</td></tr>
              <tr><td>Cybersecurity</td><td>New protocols</td></tr>
            </table>
            <p>The partnership deepened over the decade, with training and joint exercises for the armed forces.</p>
            <table>
              <tr><th>Progress Area</th><th>Achievements</th></tr>
              <tr><td>Defense Reform</td><td>Enhanced interoperability</td></tr>
              <tr><td>Cybersecurity</td></tr>
            </table>
            <h2>Closing Remarks</h2>
            </main></body></html>
            """;

        var document = DocumentIngestor.Parse("page.html", System.Text.Encoding.UTF8.GetBytes(html), new IngestOptions()).Document!;

        Assert.Equal([("paragraph", 1), ("table", 2), ("heading", 9)], document.Outline());
        Assert.Equal([["Defense Reform", "Enhanced interoperability"], ["Cybersecurity", "New protocols"]], document.SingleTable().Rows);
        var duplicate = Assert.Single(document.Removed);
        Assert.Equal(("duplicate", 5, 8, (int?)1), (duplicate.Reason, duplicate.Line, duplicate.LineEnd, duplicate.DuplicateOf));
    }

    [Fact]
    public void Parse_FirstTableCopyCutOff_TableTakesEachCellFromTheCopyThatHasIt()
    {
        var document = Ingest.Parse("""
            Initiative
            Focus Area
            Status
            Defense Reform Program
            Structural Modernization
            Ongoing
            Cybersecurity Initiative
            Digital Threat It looks like your table was cut off. Here is the complete table:
            Initiative
            Focus Area
            Status
            Defense Reform Program
            Structural Modernization
            Ongoing
            Cybersecurity Initiative
            Digital Threat Protection
            Launched 2023
            The steering board reviews both initiatives every quarter and reports to the presidency.
            """);

        Assert.Equal([("table", 1), ("paragraph", 18)], document.Outline());
        var table = document.SingleTable();
        Assert.Equal(["Initiative", "Focus Area", "Status"], table.Columns);
        Assert.Equal(
            [["Defense Reform Program", "Structural Modernization", "Ongoing"], ["Cybersecurity Initiative", "Digital Threat Protection", "Launched 2023"]],
            table.Rows);
        Assert.Equal([[4, 5, 6], [7, 16, 17]], table.CellLines);
        Assert.Empty(table.TruncatedCells);
        Assert.Empty(table.IncompleteRows);

        var duplicate = Assert.Single(document.Removed, r => r.Reason == "duplicate");
        Assert.Equal(1, duplicate.DuplicateOf);
        Assert.EndsWith("Cybersecurity Initiative\nDigital Threat", duplicate.Text, StringComparison.Ordinal);
        Assert.Contains(document.Warnings, w => w is { Code: "completed-from-repeat", Line: 16 });
    }

    [Fact]
    public void Parse_SameShortCellInManyRowsAndTables_NothingRemoved()
    {
        var document = Ingest.Parse("""
            Initiative
            Lead
            Status
            Defence Review
            Ministry of Defence
            Ongoing
            Cyber Centre
            Ministry of Security
            Ongoing
            Border Programme
            Border Police
            Ongoing
            The programmes above are reviewed every year by the joint board and reported to parliament.
            Area
            Indicator
            Status
            Cybersecurity
            Incidents handled
            Ongoing
            Training
            Officers certified
            Ongoing
            Cybersecurity
            Exercises held
            Completed
            """);

        Assert.Empty(document.Removed);
        var tables = document.Blocks.OfType<TableBlock>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["Ongoing", "Ongoing", "Ongoing"], tables[0].Rows.Select(r => r[2]));
        Assert.Equal(["Cybersecurity", "Training", "Cybersecurity"], tables[1].Rows.Select(r => r[0]));
        Assert.Equal([17, 20, 23], tables[1].CellLines.Select(r => r[0]));
    }

    [Fact]
    public void Parse_PassageRepeatedBackToBack_IsOneRemovedEntryWithACount()
    {
        const string Block = "Defence budget\nThe budget rose by 27% in 2023 after years of decline, the ministry said.\nPersonnel costs took near 90% of it.\n";
        var text = string.Concat(Enumerable.Repeat(Block, 50));

        var document = DocumentIngestor.Parse("repeated.txt", System.Text.Encoding.UTF8.GetBytes(text), new IngestOptions()).Document!;

        var removed = Assert.Single(document.Removed);
        Assert.Equal(("duplicate", 4, 150, 1, 49), (removed.Reason, removed.Line, removed.LineEnd, removed.DuplicateOf!.Value, removed.Copies));
        Assert.Equal(Block.TrimEnd('\n'), removed.Text);
        Assert.Equal(3, document.Blocks.Count);
    }

    [Fact]
    public void Parse_LongLineRepeatedWithOneEdit_IsADuplicate()
    {
        // Found by fuzzing: comparing two long lines filled the whole edit table (half a minute for 60,000 characters each).
        var line = string.Concat(Enumerable.Range(0, 9_000).Select(i => $"Word{i % 10} ab "));
        var edited = line[..45_000] + "X" + line[45_001..];

        var document = Ingest.Parse($"Defence Reform\n{line}\nDefence Reform\n{edited}\n");

        Assert.Equal([("heading", 1), ("paragraph", 2)], document.Outline());
        Assert.Equal([("duplicate", 3, 4, (int?)1)], document.Removed.Select(r => (r.Reason, r.Line, r.LineEnd, r.DuplicateOf)));
    }

    [Fact]
    public void Parse_TwentyThousandCopiesOfOneLongLine_AreOneRemovedEntryCountingThem()
    {
        var line = "The ministry adopted the long-term development plan in 2023 after a debate in parliament " + new string('x', 200);

        var document = Ingest.Parse(string.Join('\n', Enumerable.Repeat(line, 20_000)));

        Assert.Equal(line, Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks)).Text);
        var removed = Assert.Single(document.Removed);
        Assert.Equal(("duplicate", 2, 20_000, (int?)1, 19_999), (removed.Reason, removed.Line, removed.LineEnd, removed.DuplicateOf, removed.Copies));
    }

    [Fact]
    public void Similarity_OfRandomNearCopies_AgreesWithTheWholeEditTable()
    {
        var random = new Random(4);
        for (var round = 0; round < 2000; round++)
        {
            var a = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => "abc "[random.Next(4)]).ToArray()).Trim() + "z";
            var b = a.ToCharArray().ToList();
            for (var edit = random.Next(0, 12); edit > 0; edit--)
            {
                // Insert, delete or replace a character.
                var at = random.Next(b.Count);
                var kind = random.Next(3);
                if (kind == 0)
                {
                    b.Insert(at, "abc "[random.Next(4)]);
                }
                else if (kind == 1 && b.Count > 1)
                {
                    b.RemoveAt(at);
                }
                else
                {
                    b[at] = "abcd"[random.Next(4)];
                }
            }

            var other = new string([.. b]);
            var expected = FullTableSimilarity(a, other);

            Assert.Equal(expected >= 0.8 ? expected : 0, Cleaning.TextNormalizer.Similarity(a, other, 0.8, CancellationToken.None), 12);
        }
    }

    /// <summary>1 minus the edit distance over the longer length, from the whole table (0 when the lengths differ by over 40%).</summary>
    private static double FullTableSimilarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (Math.Abs(a.Length - b.Length) > longer * 0.4)
        {
            return 0;
        }

        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                table[i, j] = i == 0 ? j : j == 0 ? i
                    : Math.Min(Math.Min(table[i - 1, j] + 1, table[i, j - 1] + 1), table[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return 1 - ((double)table[a.Length, b.Length] / longer);
    }
}
