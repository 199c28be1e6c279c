using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// The initiatives of a programme, with status and the source's status label. Filters: area, status, q (name,
/// focus area, status label, lead institution). Sorts: id (default), name, status, start, end.
/// </summary>
public sealed class ListInitiatives(PtrackDbContext db, ProgrammeLookup programmes)
{
    private static readonly ListShape<Initiative, InitiativeRow> Shape = new(
        "initiative",
        [
            SortField.Of<Initiative, int>("id", i => i.Id),
            SortField.Of<Initiative, string>("name", i => i.Name),
            SortField.Of<Initiative, InitiativeStatus?>("status", i => i.Status),
            SortField.Of<Initiative, PartialDate?>("start", i => i.Start),
            SortField.Of<Initiative, PartialDate?>("end", i => i.End),
        ],
        Filter,
        i => new InitiativeRow(i.Id, i.Area != null ? i.AreaId : null, i.Area != null ? i.Area.Name : null, i.FocusArea, i.Name, i.Status, i.StatusLabel, i.Start, i.End, i.LeadInstitution, i.TruncatedInSource) { Revision = i.Revision, ReviewState = i.ReviewState, ReviewComment = i.ReviewComment, Classification = Markings.Label(i.Classification), ReleasableTo = Markings.ReleasableToEntries(i.ReleasableTo) });

    public async Task<Result<RecordList<InitiativeRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Initiatives.AsNoTracking().Where(i => i.ProgrammeId == id).OrderBy(i => i.Id)
            .Select(Shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<InitiativeRow>(found.Value, items);
    }

    /// <summary>One page of the initiatives <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<InitiativeRow>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, Shape, query, cancellationToken);

    /// <summary>One live initiative as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<InitiativeRow>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, Shape, id, cancellationToken);

    private static IQueryable<Initiative> Filter(IQueryable<Initiative> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "initiative", "initiative", "severity", "cycle", "kind");
        if (query.Area is int area)
        {
            records = records.Where(i => i.AreaId == area && i.Area != null);
        }

        if (errors.Enum<InitiativeStatus>("status", query.Status) is InitiativeStatus status)
        {
            records = records.Where(i => i.Status == status);
        }

        return RecordLists.Containing(records, query.Q, i => i.Name, i => i.FocusArea, i => i.StatusLabel, i => i.LeadInstitution);
    }
}
