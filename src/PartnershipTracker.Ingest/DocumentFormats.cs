namespace PartnershipTracker.Ingest;

/// <summary>The file types ingest reads, by extension. A file is still read by its content: a PDF named <c>.txt</c> is read as PDF.</summary>
public static class DocumentFormats
{
    /// <summary>Extensions with a reader: plain text, Markdown, HTML, PDF and DOCX, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"];

    /// <summary>Whether a file with this name has one of <see cref="Extensions"/> (case-insensitive).</summary>
    public static bool IsSupported(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());
}
