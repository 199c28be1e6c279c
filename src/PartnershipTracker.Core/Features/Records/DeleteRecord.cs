using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// Names one revision of one editable record: what a person saw when they asked for a change. A change made from
/// an older revision than the stored one is refused (HTTP 412 with If-Match, a conflict view on pages).
/// </summary>
public sealed record RecordAtRevision(RecordType Type, int Id, int ExpectedRevision);

/// <summary>A record's state after a delete or restore: its new revision (the new ETag) and when it was deleted, if it is.</summary>
public sealed record RecordRevision(RecordType Type, int Id, int Revision, DateTimeOffset? DeletedAt);

/// <summary>
/// Deletes a record softly: it disappears from every list, page, report and search, keeps its evidence and
/// history, and <see cref="RestoreRecord"/> brings it back. Failures: Invalid for a type that cannot be deleted
/// this way (programme, observation), NotFound for an unknown or already deleted record, Conflict when
/// the record is no longer at the expected revision or, for an area, while live records still belong to it (deleting
/// it would leave them pointing at a hidden area, and an edit form would then drop the link).
/// </summary>
public sealed class DeleteRecord(PtrackDbContext db, TimeProvider time)
{
    public async Task<Result<RecordRevision>> HandleAsync(RecordAtRevision request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await RecordEditing.FindAsync(db, request, includeDeleted: false, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        if (request.Type == RecordType.Area && await AreaInUseAsync(request.Id, cancellationToken) is { } inUse)
        {
            return Failure.Conflict(inUse);
        }

        found.Value!.DeletedAt = time.GetUtcNow();
        return await RecordEditing.SaveAsync(db, request, found.Value, cancellationToken);
    }

    /// <summary>
    /// Why the area cannot be deleted yet, or null: live records of every marking count (fresh-eyes review 6, F2: a
    /// reader who cannot see a NATO SECRET achievement must not leave it in a deleted area). The message names the
    /// number the actor can see; when only hidden records belong to the area it says no more than that, as
    /// <see cref="PurgeRecord"/> does.
    /// </summary>
    private async Task<string?> AreaInUseAsync(int areaId, CancellationToken cancellationToken)
    {
        var visible = await CountUsesAsync(areaId, all: false, cancellationToken);
        if (visible > 0)
        {
            return $"area {areaId} still has {visible} record{(visible == 1 ? "" : "s")} (achievements, challenges, initiatives, recommendations or indicators); move or delete them first";
        }

        return await CountUsesAsync(areaId, all: true, cancellationToken) > 0
            ? $"area {areaId} still has records that belong to it; they must be moved or deleted first"
            : null;
    }

    /// <summary>The live records of the area; <paramref name="all"/> counts those hidden by the marking filter too (the soft-delete filter stays on).</summary>
    private async Task<int> CountUsesAsync(int areaId, bool all, CancellationToken cancellationToken) =>
        await Live(db.Achievements, all).CountAsync(r => r.AreaId == areaId, cancellationToken)
        + await Live(db.Challenges, all).CountAsync(r => r.AreaId == areaId, cancellationToken)
        + await Live(db.Initiatives, all).CountAsync(r => r.AreaId == areaId, cancellationToken)
        + await Live(db.Recommendations, all).CountAsync(r => r.AreaId == areaId, cancellationToken)
        + await Live(db.Indicators, all).CountAsync(r => r.AreaId == areaId, cancellationToken);

    private static IQueryable<T> Live<T>(IQueryable<T> set, bool all)
        where T : class =>
        all ? set.IgnoreQueryFilters([EditableRecords.MarkingFilter]) : set;
}

/// <summary>
/// Restores a softly deleted record. Failures: Invalid for a type that cannot be deleted, NotFound when no record
/// has the id, Conflict when it is not deleted or no longer at the expected revision.
/// </summary>
public sealed class RestoreRecord(PtrackDbContext db)
{
    public async Task<Result<RecordRevision>> HandleAsync(RecordAtRevision request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await RecordEditing.FindAsync(db, request, includeDeleted: true, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        if (found.Value!.DeletedAt is null)
        {
            return Failure.Conflict($"{EditableRecords.Noun(request.Type)} {request.Id} is not deleted");
        }

        found.Value.DeletedAt = null;
        return await RecordEditing.SaveAsync(db, request, found.Value, cancellationToken);
    }
}

/// <summary>The steps every edit of a record shares: find it at the expected revision, save it, turn a lost race into a conflict.</summary>
internal static class RecordEditing
{
    public static async Task<Result<IEditableRecord>> FindAsync(PtrackDbContext db, RecordAtRevision request, bool includeDeleted, CancellationToken cancellationToken)
    {
        var noun = EditableRecords.Noun(request.Type);
        if (!EditableRecords.IsEditable(request.Type))
        {
            return Failure.Invalid($"a {noun} cannot be deleted or restored on its own", "type");
        }

        var record = await EditableRecords.FindAsync(db, request.Type, request.Id, includeDeleted, cancellationToken);
        if (record is null)
        {
            return RecordReading.NotFound(noun, request.Id);
        }

        if (record.Revision != request.ExpectedRevision)
        {
            return Stale(request, record.Revision);
        }

        return Result<IEditableRecord>.Ok(record);
    }

    /// <summary>Saves <paramref name="record"/>; a change saved by someone else since it was read is a Conflict.</summary>
    public static async Task<Result<RecordRevision>> SaveAsync(PtrackDbContext db, RecordAtRevision request, IEditableRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var stored = await db.Entry(record).GetDatabaseValuesAsync(cancellationToken);
            return Stale(request, stored?.GetValue<int>(nameof(IEditableRecord.Revision)));
        }

        return new RecordRevision(request.Type, record.Id, record.Revision, record.DeletedAt);
    }

    /// <summary>"initiative 12 is at revision 5, not 4: someone changed it since; reload it and try again".</summary>
    public static Failure Stale(RecordAtRevision request, int? stored) =>
        Failure.Conflict(stored is null
            ? $"{EditableRecords.Noun(request.Type)} {request.Id} was removed since revision {request.ExpectedRevision}"
            : $"{EditableRecords.Noun(request.Type)} {request.Id} is at revision {stored}, not {request.ExpectedRevision}: someone changed it since; reload it and try again");
}
