using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// The recommendations of a programme. Filters: area, status, cycle, q (strategic action, expected outcome, focus
/// area, issued by). Sorts: id (default), strategicAction, status, cycle.
/// </summary>
public sealed class ListRecommendations(PtrackDbContext db, ProgrammeLookup programmes)
{
    private static readonly ListShape<Recommendation, RecommendationRow> Shape = new(
        "recommendation",
        [
            SortField.Of<Recommendation, int>("id", r => r.Id),
            SortField.Of<Recommendation, string>("strategicAction", r => r.StrategicAction),
            SortField.Of<Recommendation, RecommendationStatus>("status", r => r.Status),
            SortField.Of<Recommendation, string?>("cycle", r => r.Cycle),
        ],
        Filter,
        r => new RecommendationRow(r.Id, r.Area != null ? r.AreaId : null, r.FocusArea, r.StrategicAction, r.ExpectedOutcome, r.Status, r.TruncatedInSource) { Revision = r.Revision, ReviewState = r.ReviewState, ReviewComment = r.ReviewComment, IssuedBy = r.IssuedBy, Cycle = r.Cycle, Classification = Markings.Label(r.Classification), ReleasableTo = Markings.ReleasableToEntries(r.ReleasableTo) });

    public async Task<Result<RecordList<RecommendationRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Recommendations.AsNoTracking().Where(r => r.ProgrammeId == id).OrderBy(r => r.Id)
            .Select(Shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<RecommendationRow>(found.Value, items);
    }

    /// <summary>One page of the recommendations <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<RecommendationRow>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, Shape, query, cancellationToken);

    /// <summary>One live recommendation as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<RecommendationRow>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, Shape, id, cancellationToken);

    private static IQueryable<Recommendation> Filter(IQueryable<Recommendation> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "recommendation", "initiative", "severity", "kind");
        if (query.Area is int area)
        {
            records = records.Where(r => r.AreaId == area && r.Area != null);
        }

        if (errors.Enum<RecommendationStatus>("status", query.Status) is RecommendationStatus status)
        {
            records = records.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Cycle))
        {
            var cycle = query.Cycle.Trim();
            records = records.Where(r => r.Cycle == cycle);
        }

        return RecordLists.Containing(records, query.Q, r => r.StrategicAction, r => r.ExpectedOutcome, r => r.FocusArea, r => r.IssuedBy);
    }
}
