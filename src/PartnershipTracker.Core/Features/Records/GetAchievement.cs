using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>An achievement with its evidence.</summary>
public sealed record AchievementDetail(AchievementRow Achievement, ProgrammeRef Programme, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>One achievement by id.</summary>
public sealed class GetAchievement(PtrackDbContext db)
{
    public async Task<Result<AchievementDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await db.Achievements.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Row = new AchievementRow(a.Id, a.Area != null ? a.AreaId : null, a.Area != null ? a.Area.Name : null, a.Title, a.Date, a.TruncatedInSource) { Revision = a.Revision, ReviewState = a.ReviewState, ReviewComment = a.ReviewComment, Classification = Markings.Label(a.Classification), ReleasableTo = Markings.ReleasableToEntries(a.ReleasableTo) },
                Programme = db.Programmes.Where(p => p.Id == a.ProgrammeId).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RecordReading.NotFound("achievement", id);
        }

        var evidence = await RecordReading.EvidenceAsync(db, RecordType.Achievement, id, cancellationToken);
        return new AchievementDetail(found.Row, found.Programme, evidence);
    }
}
