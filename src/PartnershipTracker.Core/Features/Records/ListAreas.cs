using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>An area with its other names and how many live records of each type it holds.</summary>
public sealed record AreaListItem(int Id, string Name, MapChapter? Chapter, IReadOnlyList<string> Aliases, int Achievements, int Challenges, int Initiatives, int Recommendations, int Indicators) : IRecordRow
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

/// <summary>The areas of a programme. Filters: q (name, description). Sorts: id (default), name, chapter.</summary>
public sealed class ListAreas(PtrackDbContext db, ProgrammeLookup programmes)
{
    private readonly ListShape<Area, AreaListItem> _shape = new(
        "area",
        [
            SortField.Of<Area, int>("id", a => a.Id),
            SortField.Of<Area, string>("name", a => a.Name),
            SortField.Of<Area, MapChapter?>("chapter", a => a.Chapter),
        ],
        Filter,
        a => new AreaListItem(
            a.Id, a.Name, a.Chapter,
            a.Aliases.Where(x => x.Name != a.Name).OrderBy(x => x.Name).Select(x => x.Name).ToList(),
            db.Achievements.Count(x => x.AreaId == a.Id),
            db.Challenges.Count(x => x.AreaId == a.Id),
            db.Initiatives.Count(x => x.AreaId == a.Id),
            db.Recommendations.Count(x => x.AreaId == a.Id),
            db.Indicators.Count(x => x.AreaId == a.Id))
        { Revision = a.Revision, ReviewState = a.ReviewState, ReviewComment = a.ReviewComment, Description = a.Description, Classification = Markings.Label(a.Classification), ReleasableTo = Markings.ReleasableToEntries(a.ReleasableTo) });

    public async Task<Result<RecordList<AreaListItem>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Areas.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.Id)
            .Select(_shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<AreaListItem>(found.Value, items);
    }

    /// <summary>One page of the areas <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<AreaListItem>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, _shape, query, cancellationToken);

    /// <summary>One live area as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<AreaListItem>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, _shape, id, cancellationToken);

    private static IQueryable<Area> Filter(IQueryable<Area> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "area", "area", "initiative", "status", "severity", "cycle", "kind");
        return RecordLists.Containing(records, query.Q, a => a.Name, a => a.Description);
    }
}
