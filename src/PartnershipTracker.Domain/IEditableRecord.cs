namespace PartnershipTracker.Domain;

/// <summary>
/// A record people edit (area, achievement, challenge, initiative, milestone, recommendation, indicator, source):
/// it carries a revision for optimistic concurrency, can be deleted softly and restored, and every change to it
/// is kept as a <see cref="ChangeRecord"/>. See docs/adr/0010-revisions-soft-delete-history.md.
/// </summary>
public interface IEditableRecord
{
    int Id { get; }

    int ProgrammeId { get; }

    /// <summary>
    /// 1 when created, one more on every saved change (including delete and restore); set by the data layer on
    /// save, never by handlers. It is the record's ETag: a save made from an older revision is refused.
    /// </summary>
    int Revision { get; set; }

    /// <summary>When the record was deleted; null while it is live. Deleted records are hidden from every query unless asked for.</summary>
    DateTimeOffset? DeletedAt { get; set; }
}
