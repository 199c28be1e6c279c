using System.Text;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Parses a small document written in a test, as UTF-8 bytes.</summary>
internal static class Ingest
{
    /// <summary>Column names the article's tables use, as Core passes them.</summary>
    public static readonly IngestOptions Known = new()
    {
        KnownHeaders = ["Initiative", "Focus Area", "Status", "Indicator", "Value", "Lead", "Start", "Area", "Baseline", "Target", "Actual", "Milestone", "Owner", "Due", "Done"],
    };

    /// <summary>No header hints: the generic scoring alone.</summary>
    public static readonly IngestOptions Generic = new();

    public static ParsedDocument Parse(string text, IngestOptions? options = null)
    {
        var result = DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(text), options ?? Generic);
        Assert.Null(result.Failure);
        return result.Document!;
    }

    public static TableBlock SingleTable(this ParsedDocument document) => Assert.Single(document.Blocks.OfType<TableBlock>());

    public static ListBlock SingleList(this ParsedDocument document) => Assert.Single(document.Blocks.OfType<ListBlock>());

    /// <summary>The blocks as (type, first line) pairs, to check reading order and that nothing else was made.</summary>
    public static List<(string Type, int Line)> Outline(this ParsedDocument document) =>
        document.Blocks.Select(b => (b.Type, b.Line)).ToList();
}
