using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// The challenges of a programme. Filters: area, status, severity, q (title, impact, owner). Sorts: id (default),
/// title, severity, status.
/// </summary>
public sealed class ListChallenges(PtrackDbContext db, ProgrammeLookup programmes)
{
    private static readonly ListShape<Challenge, ChallengeRow> Shape = new(
        "challenge",
        [
            SortField.Of<Challenge, int>("id", c => c.Id),
            SortField.Of<Challenge, string>("title", c => c.Title),
            SortField.Of<Challenge, Severity>("severity", c => c.Severity),
            SortField.Of<Challenge, ChallengeStatus>("status", c => c.Status),
        ],
        Filter,
        c => new ChallengeRow(c.Id, c.Area != null ? c.AreaId : null, c.Area != null ? c.Area.Name : null, c.Title, c.Impact, c.Severity, c.Status, c.TruncatedInSource) { Revision = c.Revision, ReviewState = c.ReviewState, ReviewComment = c.ReviewComment, Owner = c.Owner, Classification = Markings.Label(c.Classification), ReleasableTo = Markings.ReleasableToEntries(c.ReleasableTo) });

    public async Task<Result<RecordList<ChallengeRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Challenges.AsNoTracking().Where(c => c.ProgrammeId == id).OrderBy(c => c.Id)
            .Select(Shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<ChallengeRow>(found.Value, items);
    }

    /// <summary>One page of the challenges <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<ChallengeRow>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, Shape, query, cancellationToken);

    /// <summary>One live challenge as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<ChallengeRow>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, Shape, id, cancellationToken);

    private static IQueryable<Challenge> Filter(IQueryable<Challenge> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "challenge", "initiative", "cycle", "kind");
        if (query.Area is int area)
        {
            records = records.Where(c => c.AreaId == area && c.Area != null);
        }

        if (errors.Enum<ChallengeStatus>("status", query.Status) is ChallengeStatus status)
        {
            records = records.Where(c => c.Status == status);
        }

        if (errors.Enum<Severity>("severity", query.Severity) is Severity severity)
        {
            records = records.Where(c => c.Severity == severity);
        }

        return RecordLists.Containing(records, query.Q, c => c.Title, c => c.Impact, c => c.Owner);
    }
}
