namespace PartnershipTracker.Core.Reports;

/// <summary>The formats the programme progress report is written in.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML file: inline CSS with a print stylesheet, no scripts, no external requests.</summary>
    Html,

    /// <summary>GitHub-flavoured Markdown: tables with escaped cells.</summary>
    Markdown,
}

/// <summary>Names, file extensions and media types of <see cref="ReportFormat"/>.</summary>
public static class ReportFormats
{
    /// <summary>The names the CLI and the API accept, as users type them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["html", "md"];

    /// <summary>Reads <c>html</c> or <c>md</c> (case-insensitive); null for anything else.</summary>
    public static ReportFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "html" => ReportFormat.Html,
        "md" => ReportFormat.Markdown,
        _ => null,
    };

    /// <summary>The file extension without the dot: <c>html</c> or <c>md</c>.</summary>
    public static string Extension(this ReportFormat format) => format == ReportFormat.Html ? "html" : "md";

    /// <summary>The media type with its charset, e.g. <c>text/html; charset=utf-8</c>.</summary>
    public static string ContentType(this ReportFormat format) =>
        format == ReportFormat.Html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";

    /// <summary>The file name a report of <paramref name="programmeSlug"/> is saved under, e.g. <c>nato-bih-report.html</c>.</summary>
    public static string FileName(this ReportFormat format, string programmeSlug) => $"{programmeSlug}-report.{format.Extension()}";
}
