using System.Text;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Every document ends in a result: lines of every shape, in any order, are each consumed once.</summary>
public sealed class TerminationTests
{
    private static readonly string[] Shapes =
    [
        "Budget: Affect.",
        "Note: see below.",
        "Key issues include:",
        "The ministry adopted the plan in 2023 after a long debate in parliament.",
        "Defence Reform",
        "Ongoing",
        "2023",
        "12.5%",
        "continued on the next line without a full stop",
        "",
        "It looks like your HTML content was cut off. Here's a cleaned-up version:",
        "```",
        "A very long line " + new string('x', 300),
    ];

    [Theory]
    [InlineData("Budget: Affect.\n", "paragraph")]
    [InlineData("Intro paragraph here.\n\nNote: see below.\n\nEnd paragraph.\n", "paragraph paragraph paragraph")]
    [InlineData("x\nC ok: d\n", "paragraph paragraph")]
    public async Task Parse_LoneLabelLine_EndsAsAParagraph(string text, string types)
    {
        var document = await Task.Run(() => DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(text), new IngestOptions()).Document!)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(types, string.Join(' ', document.Blocks.Select(b => b.Type)));
        Assert.Contains(document.Blocks, b => b is ParagraphBlock p && p.Text.Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_RandomMixesOfLineShapes_AllFinishAndKeepEveryLineOnce()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 2000; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 14)).Select(_ => Shapes[random.Next(Shapes.Length)]).ToList();
            if (lines.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var text = string.Join('\n', lines);
            var result = await Task.Run(() => DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(text), new IngestOptions()))
                .WaitAsync(TimeSpan.FromSeconds(10));

            var document = Assert.IsType<ParsedDocument>(result.Document);
            var cited = new List<int>();
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h: cited.Add(h.Line); break;
                    case ParagraphBlock p: cited.AddRange(Enumerable.Range(p.Line, p.LineEnd - p.Line + 1)); break;
                    case ListBlock l: cited.AddRange(l.Items.Select(i => i.Line)); break;
                    case TableBlock t: cited.AddRange(t.CellLines.SelectMany(r => r).OfType<int>()); break;
                }
            }

            Assert.Equal(cited.Count, cited.Distinct().Count());
        }
    }
}
