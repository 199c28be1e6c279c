using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>The achievements of a programme. Filters: area, q (title). Sorts: id (default), title, date.</summary>
public sealed class ListAchievements(PtrackDbContext db, ProgrammeLookup programmes)
{
    private static readonly ListShape<Achievement, AchievementRow> Shape = new(
        "achievement",
        [
            SortField.Of<Achievement, int>("id", a => a.Id),
            SortField.Of<Achievement, string>("title", a => a.Title),
            SortField.Of<Achievement, PartialDate?>("date", a => a.Date),
        ],
        Filter,
        a => new AchievementRow(a.Id, a.Area != null ? a.AreaId : null, a.Area != null ? a.Area.Name : null, a.Title, a.Date, a.TruncatedInSource) { Revision = a.Revision, ReviewState = a.ReviewState, ReviewComment = a.ReviewComment, Classification = Markings.Label(a.Classification), ReleasableTo = Markings.ReleasableToEntries(a.ReleasableTo) });

    public async Task<Result<RecordList<AchievementRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Achievements.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.Id)
            .Select(Shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<AchievementRow>(found.Value, items);
    }

    /// <summary>One page of the achievements <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<AchievementRow>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, Shape, query, cancellationToken);

    /// <summary>One live achievement as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<AchievementRow>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, Shape, id, cancellationToken);

    private static IQueryable<Achievement> Filter(IQueryable<Achievement> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "achievement", "initiative", "status", "severity", "cycle", "kind");
        if (query.Area is int area)
        {
            records = records.Where(a => a.AreaId == area && a.Area != null);
        }

        return RecordLists.Containing(records, query.Q, a => a.Title);
    }
}
