using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// Creates and updates one type of editable record from its input (the <c>EditX</c> handlers). An update replaces
/// every editable field with the input's value (a missing value clears the field or takes its default); fields the
/// input does not carry (ingest's flags, a source's text) are kept. The data layer bumps the revision and writes
/// the history (docs/adr/0010-revisions-soft-delete-history.md).
/// </summary>
/// <remarks>
/// Failures: Invalid with every field message at once (<see cref="Failure.Fields"/>, camelCase keys as in the
/// API JSON); NotFound for an unknown programme or an unknown or deleted record; Conflict when the record is no
/// longer at the expected revision, whether that is seen before saving or by the concurrency token while saving;
/// Forbidden for a viewer (after NotFound, so that a hidden record stays hidden).
/// The marking (<see cref="IMarkedInput"/>) is read here for every type: a new record without one takes
/// <see cref="MarkingDefaults"/>, an update without one keeps the record's; a writer may not give a record a marking
/// they could not see themselves (<see cref="MarkingFields"/>; docs/adr/0016-markings.md).
/// <para>
/// The review workflow (PRODUCT.md C3, docs/adr/0017-review-workflow-and-audit.md) is applied here, the one place
/// every create and edit goes through: a contributor's new or changed record becomes
/// <see cref="ReviewState.Draft"/>; a reviewer's or admin's becomes (or stays) <see cref="ReviewState.Approved"/>.
/// </para>
/// </remarks>
public abstract class RecordEditor<TRecord, TInput>(PtrackDbContext db, ProgrammeLookup programmes, MarkingDefaults? defaults = null)
    where TRecord : class, IEditableRecord
    where TInput : class
{
    private static readonly RecordType Type = EditableRecords.TypeOf(typeof(TRecord));

    protected PtrackDbContext Db => db;

    /// <summary>Stores a new record in <paramref name="programme"/> (a slug; null for the only programme). Its revision is 1.</summary>
    public async Task<Result<RecordRevision>> CreateAsync(string? programme, TInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await programmes.FindAsync(programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        if (Refused() is { } refused)
        {
            return refused;
        }

        var record = Blank(found.Value!.Id);
        var errors = new FieldErrors();
        var marking = ReadMarking(input, (defaults ?? new MarkingDefaults()).Marking, errors);
        await ApplyAsync(input, record, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToFailure(EditableRecords.Noun(Type));
        }

        marking!.ApplyTo(record);
        record.ReviewState = Review.ReviewRules.StateAfterEdit(db.Actor.Role);

        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new RecordRevision(Type, record.Id, record.Revision, null);
    }

    /// <summary>Replaces the editable fields of record <paramref name="id"/>, which must be live and at <paramref name="expectedRevision"/>.</summary>
    public async Task<Result<RecordRevision>> UpdateAsync(int id, int expectedRevision, TInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new RecordAtRevision(Type, id, expectedRevision);
        var found = await RecordEditing.FindAsync(db, request, includeDeleted: false, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        if (Refused() is { } refused)
        {
            return refused;
        }

        var record = (TRecord)found.Value!;
        var errors = new FieldErrors();
        var marking = ReadMarking(input, RecordMarking.Of(record), errors);
        if (marking is not null && db.Actor.Role < Role.Reviewer
            && Markings.IsLowered(record.Classification, record.ReleasableTo, marking.Classification, marking.ReleasableTo))
        {
            // Lowering a marking releases the record to more readers at once: a release decision for a reviewer or admin.
            errors.Add(marking.Classification < record.Classification ? "classification" : "releasableTo", LoweringNeedsAReviewer);
        }

        await ApplyAsync(input, record, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToFailure(EditableRecords.Noun(Type));
        }

        marking!.ApplyTo(record);
        record.ReviewState = Review.ReviewRules.StateAfterEdit(db.Actor.Role);

        return await RecordEditing.SaveAsync(db, request, record, cancellationToken);
    }

    /// <summary>The message when a contributor would lower a record's marking (a lower classification, or a Releasable To list dropped or widened).</summary>
    public const string LoweringNeedsAReviewer = "only a reviewer or an admin may lower a record's marking (a lower classification, or a Releasable To list dropped or widened)";

    /// <summary>The marking the input asks for (<paramref name="fallback"/> for what it leaves out); null with messages when refused.</summary>
    private RecordMarking? ReadMarking(TInput input, RecordMarking fallback, FieldErrors errors) =>
        input is IMarkedInput marked ? MarkingFields.Read(errors, marked, fallback, db.Access) : fallback;

    /// <summary>
    /// The link (area, initiative) to store when the input gives <paramref name="given"/> and the record has
    /// <paramref name="current"/>: the given one, except that an input without a link keeps a current link the writer
    /// cannot see. Reads show such a link as none (a hidden record leaves no trace), so a form or a GET-then-PUT sends
    /// none back: that must not unlink the record from an area the writer does not know of.
    /// </summary>
    protected async Task<int?> KeptLinkAsync<TLinked>(int? current, int? given, CancellationToken cancellationToken)
        where TLinked : class, IEditableRecord
    {
        if (given is not null || current is not int id)
        {
            return given;
        }

        return await db.Set<TLinked>().AnyAsync(r => r.Id == id, cancellationToken) ? given : current;
    }

    /// <summary>A new record of the programme, before the input is applied.</summary>
    protected abstract TRecord Blank(int programmeId);

    /// <summary>
    /// Validates <paramref name="input"/> into <paramref name="errors"/> and, only when there is no error, sets the
    /// record's editable fields from it: a refused input leaves the record untouched.
    /// </summary>
    protected abstract Task ApplyAsync(TInput input, TRecord record, FieldErrors errors, CancellationToken cancellationToken);

    private Failure? Refused() =>
        db.Actor.Role < Role.Contributor ? Failure.Forbidden($"a {db.Actor.Role.ToString().ToLowerInvariant()} may not create or change {EditableRecords.Noun(Type)} records") : null;
}
