namespace PartnershipTracker.Ingest;

/// <summary>Limits and hints for reading documents (configuration section "Ingest").</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Ingest";

    /// <summary>Largest document accepted, in bytes. Default 50 MiB.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Column names the caller expects in tables ("Initiative", "Status"). A flattened table whose
    /// header row uses them is recognised with more confidence; unknown headers still work.
    /// Compared case-insensitively.
    /// </summary>
    public IReadOnlyCollection<string> KnownHeaders { get; set; } = [];
}
