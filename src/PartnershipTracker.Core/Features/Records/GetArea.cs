using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>A record in an area, named for a link: <see cref="Type"/> tells which page it is on.</summary>
public sealed record RecordLink(RecordType Type, int Id, string Name, bool TruncatedInSource);

/// <summary>An area, its other names, the records in it and its evidence.</summary>
public sealed record AreaDetail(
    int Id, ProgrammeRef Programme, string Name, string? Description, MapChapter? Chapter, IReadOnlyList<string> Aliases,
    IReadOnlyList<RecordLink> Records, IReadOnlyList<EvidenceRow> Evidence)
{
    /// <summary>The record's revision when read: its ETag.</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }
}

/// <summary>One area by id.</summary>
public sealed class GetArea(PtrackDbContext db)
{
    public async Task<Result<AreaDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Description,
                a.Chapter,
                a.Revision,
                a.ReviewState,
                a.ReviewComment,
                Programme = db.Programmes.Where(p => p.Id == a.ProgrammeId).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).First(),
                Aliases = a.Aliases.Where(x => x.Name != a.Name).OrderBy(x => x.Name).Select(x => x.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (area is null)
        {
            return RecordReading.NotFound("area", id);
        }

        var records = new List<RecordLink>();
        records.AddRange(await db.Achievements.AsNoTracking().Where(x => x.AreaId == id).OrderBy(x => x.Id)
            .Select(x => new RecordLink(RecordType.Achievement, x.Id, x.Title, x.TruncatedInSource)).ToListAsync(cancellationToken));
        records.AddRange(await db.Challenges.AsNoTracking().Where(x => x.AreaId == id).OrderBy(x => x.Id)
            .Select(x => new RecordLink(RecordType.Challenge, x.Id, x.Title, x.TruncatedInSource)).ToListAsync(cancellationToken));
        records.AddRange(await db.Initiatives.AsNoTracking().Where(x => x.AreaId == id).OrderBy(x => x.Id)
            .Select(x => new RecordLink(RecordType.Initiative, x.Id, x.Name, x.TruncatedInSource)).ToListAsync(cancellationToken));
        records.AddRange(await db.Recommendations.AsNoTracking().Where(x => x.AreaId == id).OrderBy(x => x.Id)
            .Select(x => new RecordLink(RecordType.Recommendation, x.Id, x.StrategicAction, x.TruncatedInSource)).ToListAsync(cancellationToken));
        records.AddRange(await db.Indicators.AsNoTracking().Where(x => x.AreaId == id).OrderBy(x => x.Id)
            .Select(x => new RecordLink(RecordType.Indicator, x.Id, x.Name, false)).ToListAsync(cancellationToken));

        var evidence = await RecordReading.EvidenceAsync(db, RecordType.Area, id, cancellationToken);
        return new AreaDetail(area.Id, area.Programme, area.Name, area.Description, area.Chapter, area.Aliases, records, evidence) { Revision = area.Revision, ReviewState = area.ReviewState, ReviewComment = area.ReviewComment };
    }
}
