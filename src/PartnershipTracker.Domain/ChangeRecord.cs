namespace PartnershipTracker.Domain;

/// <summary>What a change did to a record.</summary>
public enum ChangeAction
{
    Created,
    Updated,
    Deleted,
    Restored,

    /// <summary>The record was submitted for review (its review state alone changed to Submitted).</summary>
    Submitted,

    /// <summary>A reviewer approved the record (its review state alone changed to Approved).</summary>
    Approved,

    /// <summary>A reviewer returned the record with a comment (its review state alone changed to Returned).</summary>
    Returned,
}

/// <summary>
/// One saved change to an <see cref="IEditableRecord"/>: who, when, and each changed field's value before and
/// after (PRODUCT.md C2). Written by the data layer on every save, whoever saves (ingest, pages, API, CLI);
/// never edited.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }

    public int ProgrammeId { get; set; }

    public RecordType RecordType { get; set; }

    public int RecordId { get; set; }

    public ChangeAction Action { get; set; }

    /// <summary>The record's <see cref="IEditableRecord.Revision"/> after this change.</summary>
    public int Revision { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who made the change: "ingest", "cli", "web", or (once there are accounts) the user name.</summary>
    public required string Actor { get; set; }

    /// <summary>
    /// JSON object of the changed fields, each <c>{"before": ..., "after": ...}</c> with values as stored
    /// (enums by name, partial dates as ISO text): e.g.
    /// <c>{"Status":{"before":"Launched","after":"Completed"}}</c>. A created record has every field with
    /// before null; delete and restore have <c>{}</c>. Large text fields (a source's content) are listed
    /// as <c>{"omitted":true}</c> instead of being copied.
    /// </summary>
    public required string Changes { get; set; }

    /// <summary>The record's current classification: kept equal to the record's, so that history keeps to the record's marking.</summary>
    public Classification Classification { get; set; }

    /// <summary>The record's current Releasable To list (canonical, see <see cref="Markings"/>).</summary>
    public string ReleasableTo { get; set; } = string.Empty;
}
