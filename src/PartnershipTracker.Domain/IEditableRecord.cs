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

    /// <summary>The record's classification (its marking's level). Records take their source's marking by default; see <see cref="Markings"/>.</summary>
    Classification Classification { get; set; }

    /// <summary>The Releasable To list in canonical form (<c>",BIH,NATO,"</c>), empty when the record is not restricted to some nations or organisations; see <see cref="Markings"/>.</summary>
    string ReleasableTo { get; set; }

    /// <summary>Where the record stands in the review workflow (PRODUCT.md C3).</summary>
    ReviewState ReviewState { get; set; }

    /// <summary>The reviewer's comment when the record was last returned (or approved with a remark); null otherwise.</summary>
    string? ReviewComment { get; set; }

    /// <summary>
    /// The record's field values as last approved, as a JSON object (property name → value, the shape the change
    /// history writes), kept while a later edit awaits review so that approved-only reports and exports can still show
    /// the approved version (PRODUCT.md C3); null when the current values are the approved ones or the record was never
    /// approved. Not a field of its own: the change history does not list it.
    /// </summary>
    string? ApprovedVersion { get; set; }
}
