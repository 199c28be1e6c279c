namespace PartnershipTracker.Ingest;

/// <summary>Limits and hints for reading documents (configuration section "Ingest").</summary>
/// <remarks>
/// A document over a limit is refused with a one-line failure naming the limit's setting (e.g.
/// <c>Ingest:MaxLineLength</c>); nothing is cut short to fit.
/// </remarks>
public sealed class IngestOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Ingest";

    /// <summary>The longest <see cref="MaxProcessingTime"/> accepted: one day.</summary>
    public static readonly TimeSpan LongestProcessingTime = TimeSpan.FromDays(1);

    /// <summary>Largest document accepted, in bytes. Default 50 MiB.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Most pages accepted in a PDF. Default 1,000. The count is the PDF's own page count, checked before any page
    /// is read. DOCX has no pages (its page breaks are decided when it is laid out), so the limit does not apply to it;
    /// <see cref="MaxFileBytes"/> and <see cref="MaxProcessingTime"/> bound it instead.
    /// </summary>
    public int MaxPages { get; set; } = 1_000;

    /// <summary>
    /// Longest line accepted, in characters (UTF-16 code units) of decoded text. Default 100,000. It applies to the
    /// lines of the stored text: the file's own lines for plain text and Markdown, the reader's rendering (one line
    /// per paragraph, heading, list item or table row) for HTML, PDF and DOCX. A document with a longer line is
    /// refused, naming the line, its length and this setting; the line is never truncated.
    /// </summary>
    public int MaxLineLength { get; set; } = 100_000;

    /// <summary>
    /// Longest time one document may take to read, from bytes to structure. Default 30 seconds; at most
    /// <see cref="LongestProcessingTime"/>. Measured by the <see cref="TimeProvider"/> given to
    /// <see cref="DocumentIngestor.Parse(string, ReadOnlySpan{byte}, IngestOptions, TimeProvider, CancellationToken)"/>
    /// and checked between pages, elements and lines, so a document that runs over is refused a little after the
    /// limit, not exactly at it.
    /// </summary>
    public TimeSpan MaxProcessingTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Column names the caller expects in tables ("Initiative", "Status"). A flattened table whose
    /// header row uses them is recognised with more confidence; unknown headers still work.
    /// Compared case-insensitively.
    /// </summary>
    public IReadOnlyCollection<string> KnownHeaders { get; set; } = [];
}
