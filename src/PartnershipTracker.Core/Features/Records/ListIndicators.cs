using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>An indicator with how many observations it has and from how many sources.</summary>
public sealed record IndicatorListItem(int Id, string Name, string Unit, IndicatorDirection Direction, int? AreaId, string? Area, int Observations, int Sources) : IRecordRow
{
    /// <summary>The classification label, e.g. "NATO RESTRICTED" (docs/adr/0016-markings.md); empty where a reader did not ask for it.</summary>
    public string Classification { get; init; } = "";

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty when the record is restricted to no nation.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];

    /// <summary>The record's revision when read: its ETag.</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }

    public string? Description { get; init; }
}

/// <summary>The indicators of a programme. Filters: area, q (name, unit, description). Sorts: id (default), name.</summary>
public sealed class ListIndicators(PtrackDbContext db, ProgrammeLookup programmes)
{
    private readonly ListShape<Indicator, IndicatorListItem> _shape = new(
        "indicator",
        [
            SortField.Of<Indicator, int>("id", i => i.Id),
            SortField.Of<Indicator, string>("name", i => i.Name),
        ],
        (records, query, errors) => Filter(db, records, query, errors),
        i => new IndicatorListItem(
            i.Id, i.Name, i.Unit, i.Direction, db.Areas.Any(a => a.Id == i.AreaId) ? i.AreaId : null,
            db.Areas.Where(a => a.Id == i.AreaId).Select(a => a.Name).FirstOrDefault(),
            i.Observations.Count,
            i.Observations.Where(o => o.Source != null).Select(o => o.SourceId).Distinct().Count())
        { Revision = i.Revision, ReviewState = i.ReviewState, ReviewComment = i.ReviewComment, Description = i.Description, Classification = Markings.Label(i.Classification), ReleasableTo = Markings.ReleasableToEntries(i.ReleasableTo) });

    public async Task<Result<RecordList<IndicatorListItem>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Indicators.AsNoTracking().Where(i => i.ProgrammeId == id).OrderBy(i => i.Id)
            .Select(_shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<IndicatorListItem>(found.Value, items);
    }

    /// <summary>One page of the indicators <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<IndicatorListItem>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, _shape, query, cancellationToken);

    /// <summary>One live indicator as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<IndicatorListItem>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, _shape, id, cancellationToken);

    private static IQueryable<Indicator> Filter(PtrackDbContext db, IQueryable<Indicator> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "indicator", "initiative", "status", "severity", "cycle", "kind");
        if (query.Area is int area)
        {
            records = records.Where(i => i.AreaId == area && db.Areas.Any(a => a.Id == area));
        }

        return RecordLists.Containing(records, query.Q, i => i.Name, i => i.Unit, i => i.Description);
    }
}
