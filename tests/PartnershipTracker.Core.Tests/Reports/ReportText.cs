using System.Net;
using System.Text.RegularExpressions;

namespace PartnershipTracker.Core.Tests.Reports;

/// <summary>Reads sections and table rows back out of a rendered report, HTML or Markdown.</summary>
internal static partial class ReportText
{
    /// <summary>The HTML between the section's h2 and the next h2.</summary>
    public static string HtmlSection(string html, string heading)
    {
        var id = heading.ToLowerInvariant().Replace(' ', '-');
        var start = html.IndexOf($"<h2 id=\"{id}\">{heading}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var end = html.IndexOf("<h2 ", start + 1, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    /// <summary>The Markdown between "## heading" and the next level-2 heading.</summary>
    public static string MarkdownSection(string markdown, string heading)
    {
        var start = markdown.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    /// <summary>Every table row of an HTML section as cell texts (tags removed, entities decoded).</summary>
    public static List<string[]> HtmlRows(string section) =>
        section.Split('\n')
            .Where(line => line.StartsWith("<tr", StringComparison.Ordinal) && line.Contains("<td>", StringComparison.Ordinal))
            .Select(line => CellPattern().Matches(line).Select(m => WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, ""))).ToArray())
            .ToList();

    /// <summary>The HTML row whose first cell is <paramref name="first"/>.</summary>
    public static string[] HtmlRow(string section, string first) => Assert.Single(HtmlRows(section), r => r[0] == first);

    /// <summary>Every body row of the Markdown tables of a section, split on unescaped pipes.</summary>
    public static List<string[]> MarkdownRows(string section) =>
        section.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
            .Select(line => PipePattern().Split(line.Trim()[1..^1]).Select(c => c.Trim()).ToArray())
            .Where(cells => cells[0] != "---")
            .ToList();

    public static string[] MarkdownRow(string section, string first) => Assert.Single(MarkdownRows(section), r => r[0] == first);

    [GeneratedRegex("<td>(.*?)</td>")]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex PipePattern();
}
