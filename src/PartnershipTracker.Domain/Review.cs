namespace PartnershipTracker.Domain;

/// <summary>
/// Where a record stands in the review workflow (PRODUCT.md C3): a contributor's new or changed record is a
/// <see cref="Draft"/>; they submit it; a reviewer approves it or returns it with a comment, and a returned
/// record goes back to its author to change and submit again. Reports and exports use approved records unless
/// asked to include the others.
/// </summary>
public enum ReviewState
{
    Draft,
    Submitted,
    Approved,
    Returned,
}

/// <summary>What a user may do (PRODUCT.md C9). Each role may do everything the roles before it may.</summary>
public enum Role
{
    /// <summary>Reads the records their clearance and nationality allow.</summary>
    Viewer = 0,

    /// <summary>Also creates and edits records (as drafts), submits them, and ingests documents.</summary>
    Contributor = 1,

    /// <summary>Also approves submitted records or returns them with a comment.</summary>
    Reviewer = 2,

    /// <summary>Also manages users and settings, reads the audit log, and deletes records for good.</summary>
    Admin = 3,
}
