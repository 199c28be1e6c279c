namespace PartnershipTracker.Domain;

/// <summary>
/// A document records come from. A changed file stored under the same name is a new version:
/// <see cref="Version"/> goes up and <see cref="PreviousVersionId"/> points back.
/// </summary>
public sealed class Source : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public required string Title { get; set; }

    public string? Publisher { get; set; }

    public string? Url { get; set; }

    /// <summary>The file name it was ingested from, without folders; null for a web source cited by URL.</summary>
    public string? FileName { get; set; }

    public PartialDate? PublishedOn { get; set; }

    public DateTimeOffset? RetrievedAt { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes ingested; null for a source cited by URL only.</summary>
    public string? Sha256 { get; set; }

    /// <summary>"text", "markdown", "html", "pdf"; null for a cited source.</summary>
    public string? Format { get; set; }

    public SourceKind Kind { get; set; } = SourceKind.Unknown;

    /// <summary>Admiralty grading of the source's reliability, A (completely reliable) to F (cannot be judged).</summary>
    public char? Reliability { get; set; }

    /// <summary>Admiralty grading of the information's credibility, 1 (confirmed) to 6 (cannot be judged).</summary>
    public int? Credibility { get; set; }

    public int Version { get; set; } = 1;

    public int? PreviousVersionId { get; set; }

    /// <summary>The text as ingested, lines numbered from 1 as evidence cites them.</summary>
    public string? Content { get; set; }

    /// <summary>Data-quality flags found at ingest, e.g. "assistant-text", "duplicate", "truncated-cell".</summary>
    public List<string> DataQualityFlags { get; set; } = [];

    /// <summary>JSON of what ingest removed or flagged (reason, line, text), for the data-quality appendix.</summary>
    public string? IngestReportJson { get; set; }

    /// <summary>JSON of the tables and lists ingest found but could not map to records.</summary>
    public string? UnmappedStructureJson { get; set; }
}

/// <summary>A link from a record to the passage of a source that supports it.</summary>
public sealed class Evidence
{
    public int Id { get; set; }

    public RecordType RecordType { get; set; }

    public int RecordId { get; set; }

    public int SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>The passage, as the source has it.</summary>
    public required string Quote { get; set; }

    /// <summary>First line of the passage in <see cref="Source.Content"/>, from 1; null for a source cited by URL.</summary>
    public int? LineStart { get; set; }

    public int? LineEnd { get; set; }
}

/// <summary>
/// A passage of one source that recurs, exactly or with small edits, in another source of the same programme:
/// found at ingest by comparing word-shingle signatures (see docs/ingest.md, "Repeats across documents").
/// Two sources sharing a passage are not independent evidence of it.
/// </summary>
public sealed class PassageCopy
{
    public int Id { get; set; }

    /// <summary>The source stored later, whose passage repeats an earlier one.</summary>
    public int SourceId { get; set; }

    public int LineStart { get; set; }

    public int LineEnd { get; set; }

    /// <summary>The earlier source that has the passage.</summary>
    public int CopyOfSourceId { get; set; }

    public int CopyOfLineStart { get; set; }

    public int CopyOfLineEnd { get; set; }

    /// <summary>Estimated Jaccard similarity of the two passages' word-shingle sets, from the threshold (0.8 by default) to 1.</summary>
    public double Similarity { get; set; }
}
