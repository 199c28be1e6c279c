using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// An editable record named for a person, with its state: the <see cref="Revision"/> a change must name (the
/// ETag) and <see cref="DeletedAt"/> (null while live). <see cref="Title"/> is the record's name, title or, for a
/// recommendation, its strategic action.
/// </summary>
public sealed record RecordSummary(RecordType Type, int Id, int ProgrammeId, string Title, int Revision, DateTimeOffset? DeletedAt)
{
    /// <summary>Where the record stands in the review workflow.</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was last returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }
}

/// <summary>
/// One editable record by type and id, deleted or not: what a delete confirmation, an undo notice or a history
/// section shows. Failures: Invalid for a type without revisions (programme, observation), NotFound when no
/// record of that type has the id.
/// </summary>
public sealed class GetRecordSummary(PtrackDbContext db)
{
    public async Task<Result<RecordSummary>> HandleAsync(RecordType type, int id, CancellationToken cancellationToken = default)
    {
        if (!EditableRecords.IsEditable(type))
        {
            return Failure.Invalid($"a {EditableRecords.Noun(type)} has no revisions of its own", "type");
        }

        var found = await RecordSummaries.Query(db, type, new SummaryFilter(Id: id)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? RecordReading.NotFound(EditableRecords.Noun(type), id) : found;
    }
}

/// <summary>
/// The deleted records of a programme (the only one, or the one named by slug), optionally of one type, most
/// recently deleted first: the place to find and restore them. Failures as <see cref="ProgrammeLookup"/>;
/// Invalid for a type without soft delete.
/// </summary>
public sealed class ListDeletedRecords(PtrackDbContext db, ProgrammeLookup programmes)
{
    /// <summary>At most this many records are listed per type.</summary>
    public const int MaxPerType = 500;

    public async Task<Result<RecordList<RecordSummary>>> HandleAsync(string? programme, RecordType? type, CancellationToken cancellationToken = default)
    {
        if (type is RecordType t && !EditableRecords.IsEditable(t))
        {
            return Failure.Invalid($"a {EditableRecords.Noun(t)} cannot be deleted on its own", "type");
        }

        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var programmeId = found.Value!.Id;
        var items = new List<RecordSummary>();
        foreach (var each in RecordSummaries.Types.Where(x => type is null || x == type))
        {
            items.AddRange(await RecordSummaries.Query(db, each, new SummaryFilter(ProgrammeId: programmeId, DeletedOnly: true, Take: MaxPerType))
                .ToListAsync(cancellationToken));
        }

        // SQLite cannot order by a DateTimeOffset column; the lists are short, so they are ordered here.
        return new RecordList<RecordSummary>(found.Value, items.OrderByDescending(r => r.DeletedAt).ThenBy(r => r.Type).ThenBy(r => r.Id).ToList());
    }
}

/// <summary>The summary projection of each editable record type, deleted records included.</summary>
internal static class RecordSummaries
{
    public static readonly RecordType[] Types =
    [
        RecordType.Area, RecordType.Achievement, RecordType.Challenge, RecordType.Initiative, RecordType.Milestone,
        RecordType.Recommendation, RecordType.Indicator, RecordType.Source,
    ];

    /// <summary>The records of <paramref name="type"/> that pass <paramref name="filter"/>, newest id first, as summaries.</summary>
    public static IQueryable<RecordSummary> Query(PtrackDbContext db, RecordType type, SummaryFilter filter) => type switch
    {
        RecordType.Area => Where(db.Areas, filter).Select(r => new RecordSummary(RecordType.Area, r.Id, r.ProgrammeId, r.Name, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        RecordType.Achievement => Where(db.Achievements, filter).Select(r => new RecordSummary(RecordType.Achievement, r.Id, r.ProgrammeId, r.Title, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        RecordType.Challenge => Where(db.Challenges, filter).Select(r => new RecordSummary(RecordType.Challenge, r.Id, r.ProgrammeId, r.Title, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        RecordType.Initiative => Where(db.Initiatives, filter).Select(r => new RecordSummary(RecordType.Initiative, r.Id, r.ProgrammeId, r.Name, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        RecordType.Milestone => Where(db.Milestones, filter).Select(r => new RecordSummary(RecordType.Milestone, r.Id, r.ProgrammeId, r.Title, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        RecordType.Recommendation => Where(db.Recommendations, filter).Select(r => new RecordSummary(RecordType.Recommendation, r.Id, r.ProgrammeId, r.StrategicAction, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        RecordType.Indicator => Where(db.Indicators, filter).Select(r => new RecordSummary(RecordType.Indicator, r.Id, r.ProgrammeId, r.Name, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        RecordType.Source => Where(db.Sources, filter).Select(r => new RecordSummary(RecordType.Source, r.Id, r.ProgrammeId, r.Title, r.Revision, r.DeletedAt) { ReviewState = r.ReviewState, ReviewComment = r.ReviewComment }),
        _ => throw new ArgumentException($"{type} is not an editable record type.", nameof(type)),
    };

    // Filters and order apply to the entity, before the projection: EF Core cannot read a column back out of a record's constructor.
    private static IQueryable<T> Where<T>(DbSet<T> set, SummaryFilter filter)
        where T : class, IEditableRecord
    {
        var query = set.AsNoTracking().IgnoreQueryFilters([EditableRecords.SoftDeleteFilter]);
        if (filter.Id is int id)
        {
            query = query.Where(r => r.Id == id);
        }

        if (filter.ProgrammeId is int programmeId)
        {
            query = query.Where(r => r.ProgrammeId == programmeId);
        }

        if (filter.DeletedOnly)
        {
            query = query.Where(r => r.DeletedAt != null);
        }

        if (filter.ReviewState is ReviewState state)
        {
            query = query.Where(r => r.DeletedAt == null && r.ReviewState == state);
        }

        query = query.OrderByDescending(r => r.Id);
        return filter.Take is int take ? query.Take(take) : query;
    }
}

/// <summary>Which records <see cref="RecordSummaries.Query"/> reads: one id, one programme's, only deleted ones, only live ones in one review state, at most <see cref="Take"/>.</summary>
internal sealed record SummaryFilter(int? Id = null, int? ProgrammeId = null, bool DeletedOnly = false, int? Take = null, ReviewState? ReviewState = null);
