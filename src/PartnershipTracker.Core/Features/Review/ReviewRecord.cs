using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Review;

/// <summary>
/// The rules of the review workflow (PRODUCT.md C3; docs/adr/0017-review-workflow-and-audit.md):
/// Draft or Returned → Submitted (contributor and up), Submitted → Approved (reviewer and up, never the record's
/// author unless an admin), Submitted → Returned with a comment (reviewer and up).
/// </summary>
public static class ReviewRules
{
    /// <summary>The longest reviewer's comment, in characters.</summary>
    public const int CommentLength = 2000;

    /// <summary>Where a record created or changed by someone with <paramref name="role"/> stands: a contributor's is a draft, a reviewer's or admin's approved.</summary>
    public static ReviewState StateAfterEdit(Role role) => role >= Role.Reviewer ? ReviewState.Approved : ReviewState.Draft;

    /// <summary>The state's name as people read it: "draft", "submitted", "approved", "returned".</summary>
    public static string Name(ReviewState state) => state.ToString().ToLowerInvariant();

    /// <summary>True when someone with <paramref name="role"/> may submit a record in <paramref name="state"/>.</summary>
    public static bool CanSubmit(Role role, ReviewState state) =>
        role >= Role.Contributor && state is ReviewState.Draft or ReviewState.Returned;

    /// <summary>True when someone with <paramref name="role"/> may approve or return a record in <paramref name="state"/>.</summary>
    public static bool CanDecide(Role role, ReviewState state) => role >= Role.Reviewer && state == ReviewState.Submitted;

    /// <summary>Parses "draft", "submitted", "approved" or "returned" (any case).</summary>
    public static bool TryParse(string? text, out ReviewState state)
    {
        state = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out state) && Enum.IsDefined(state);
    }
}

/// <summary>
/// Submits a draft or returned record for review: it becomes Submitted. Failures: NotFound for an unknown, hidden or
/// deleted record; Forbidden below contributor; Conflict when the record is at another revision or in another state
/// ("initiative 4 is approved, not a draft or returned").
/// </summary>
public sealed class SubmitRecord(PtrackDbContext db)
{
    public async Task<Result<RecordRevision>> HandleAsync(RecordAtRevision request, CancellationToken cancellationToken = default) =>
        await ReviewSteps.MoveAsync(db, request, Role.Contributor, [ReviewState.Draft, ReviewState.Returned], ReviewState.Submitted, comment: null, cancellationToken);
}

/// <summary>
/// Approves a submitted record: it becomes Approved and its comment is cleared. Four-eyes: a reviewer may not approve
/// a record whose last change (created or updated) they made themselves; an admin may, since an admin's own edits are
/// approved anyway. Failures as <see cref="SubmitRecord"/>, Forbidden below reviewer and for the author.
/// </summary>
public sealed class ApproveRecord(PtrackDbContext db)
{
    public async Task<Result<RecordRevision>> HandleAsync(RecordAtRevision request, CancellationToken cancellationToken = default) =>
        await ReviewSteps.MoveAsync(db, request, Role.Reviewer, [ReviewState.Submitted], ReviewState.Approved, comment: null, cancellationToken);
}

/// <summary>
/// Returns a submitted record to its author with a comment (required, 1 to <see cref="ReviewRules.CommentLength"/>
/// characters, field <c>comment</c>): it becomes Returned. Failures as <see cref="ApproveRecord"/> (no four-eyes
/// rule: returning one's own change is harmless), Invalid for a missing or too long comment.
/// </summary>
public sealed class ReturnRecord(PtrackDbContext db)
{
    public async Task<Result<RecordRevision>> HandleAsync(RecordAtRevision request, string? comment, CancellationToken cancellationToken = default)
    {
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Failure.Invalid("a comment is required to return a record: say what must change", "comment");
        }

        if (text.Length > ReviewRules.CommentLength)
        {
            return Failure.Invalid($"the comment is {text.Length} characters long; at most {ReviewRules.CommentLength}", "comment");
        }

        return await ReviewSteps.MoveAsync(db, request, Role.Reviewer, [ReviewState.Submitted], ReviewState.Returned, text, cancellationToken);
    }
}

/// <summary>The step every transition shares: find the record at its revision, check role and state, save the new state.</summary>
internal static class ReviewSteps
{
    public static async Task<Result<RecordRevision>> MoveAsync(
        PtrackDbContext db, RecordAtRevision request, Role needed, ReviewState[] from, ReviewState to, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var noun = EditableRecords.Noun(request.Type);
        if (!EditableRecords.IsEditable(request.Type))
        {
            return Failure.Invalid($"a {noun} has no review state of its own", "type");
        }

        // Found first: a record the reader may not see answers NotFound whatever their role.
        var record = await EditableRecords.FindAsync(db, request.Type, request.Id, includeDeleted: false, cancellationToken);
        if (record is null)
        {
            return RecordReading.NotFound(noun, request.Id);
        }

        var role = db.Actor.Role;
        if (role < needed)
        {
            return Failure.Forbidden($"a {role.ToString().ToLowerInvariant()} may not {Verb(to)} records; it takes a {needed.ToString().ToLowerInvariant()} or above");
        }

        if (record.Revision != request.ExpectedRevision)
        {
            return RecordEditing.Stale(request, record.Revision);
        }

        if (!from.Contains(record.ReviewState))
        {
            var expected = string.Join(" or ", from.Select(s => s == ReviewState.Draft ? "a draft" : ReviewRules.Name(s)));
            return Failure.Conflict($"{noun} {request.Id} is {Described(record.ReviewState)}, not {expected}: it cannot be {Past(to)}");
        }

        if (to == ReviewState.Approved && role < Role.Admin && await LastAuthorAsync(db, request, cancellationToken) is { } author
            && string.Equals(author, db.Actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Forbidden($"{noun} {request.Id} was last changed by you ({author}); another reviewer must approve it");
        }

        record.ReviewState = to;
        record.ReviewComment = to == ReviewState.Approved ? null : comment ?? record.ReviewComment;
        return await RecordEditing.SaveAsync(db, request, record, cancellationToken);
    }

    /// <summary>The actor of the record's last change to its content (created or updated), the author the four-eyes rule goes by.</summary>
    private static Task<string?> LastAuthorAsync(PtrackDbContext db, RecordAtRevision request, CancellationToken cancellationToken) =>
        db.ChangeRecords
            .Where(c => c.RecordType == request.Type && c.RecordId == request.Id && (c.Action == ChangeAction.Created || c.Action == ChangeAction.Updated))
            .OrderByDescending(c => c.Id)
            .Select(c => c.Actor)
            .FirstOrDefaultAsync(cancellationToken);

    private static string Described(ReviewState state) => state == ReviewState.Draft ? "a draft" : ReviewRules.Name(state);

    private static string Verb(ReviewState to) => to switch
    {
        ReviewState.Submitted => "submit",
        ReviewState.Approved => "approve",
        _ => "return",
    };

    private static string Past(ReviewState to) => to switch
    {
        ReviewState.Submitted => "submitted",
        ReviewState.Approved => "approved",
        _ => "returned",
    };
}
