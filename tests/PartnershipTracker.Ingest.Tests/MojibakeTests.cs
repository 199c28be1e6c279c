using System.Text;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>UTF-8 text that was once read as Windows-1252 and saved again is repaired, and only such text.</summary>
public sealed class MojibakeTests
{
    private static ParsedDocument Parse(string text) =>
        DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(text), new IngestOptions()).Document!;

    [Theory]
    [InlineData("Å½eljko KomÅ¡iÄ‡ met the Alliance delegation in Sarajevo.", "Željko Komšić met the Alliance delegation in Sarajevo.")]
    [InlineData("NATOâ€™s Defence Capacity Building package was endorsed in 2023.", "NATO’s Defence Capacity Building package was endorsed in 2023.")]
    [InlineData("Ð¡Ð°Ñ€Ð°Ñ˜ÐµÐ²Ð¾ hosted the North Atlantic Council in February 2024.", "Сарајево hosted the North Atlantic Council in February 2024.")]
    public void Parse_MojibakeLine_IsRepairedAndFlagged(string damaged, string expected)
    {
        var document = Parse("Heading\n" + damaged + "\n");

        Assert.Equal(expected, document.Lines[1]);
        Assert.Equal(expected, Assert.IsType<ParagraphBlock>(document.Blocks[1]).Text);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(("mojibake", 2), (warning.Code, warning.Line!.Value));
    }

    [Theory]
    [InlineData("Défense budget in Zürich and Ålesund, with the Ministry’s approval.")]
    [InlineData("Сарајево and Komšić are already correct.")]
    [InlineData("The acronym ÃÅ is used as is.")]
    public void Parse_CorrectText_IsLeftAlone(string text)
    {
        var document = Parse(text + "\n");

        Assert.Equal(text, document.Lines[0]);
        Assert.Empty(document.Warnings);
    }
}
