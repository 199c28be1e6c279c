namespace PartnershipTracker.Domain;

/// <summary>
/// A document read and mapped but not stored yet: its bytes wait here until a person has looked at the
/// preview (recovered structure, records that would be created) and accepts or discards it. Accepting
/// reads the same bytes again with the same rules, so what is stored is what the preview showed.
/// </summary>
public sealed class IngestDraft
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    /// <summary>The file name, without folders; the stored source takes it, and a later version is found by it.</summary>
    public required string FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    /// <summary>"text", "markdown", "html", "pdf" or "docx", as detected when staged.</summary>
    public required string Format { get; set; }

    /// <summary>The document's title when it has one (first heading, HTML title), else null.</summary>
    public string? Title { get; set; }

    /// <summary>The file's bytes, exactly as uploaded.</summary>
    public required byte[] Content { get; set; }

    public DateTimeOffset StagedAt { get; set; }

    /// <summary>The classification the source will be stored with (chosen when staged; docs/adr/0016-markings.md).</summary>
    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    /// <summary>The source's Releasable To list in canonical text (<c>",BIH,NATO,"</c>; "" for none), as <see cref="Markings"/> writes it.</summary>
    public string ReleasableTo { get; set; } = string.Empty;

    /// <summary>How many records the preview showed (areas, achievements, challenges, initiatives, recommendations).</summary>
    public int RecordCount { get; set; }

    /// <summary>How many warnings the preview showed (damage flagged, values not recognised).</summary>
    public int WarningCount { get; set; }
}
