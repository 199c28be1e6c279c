using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// A recommendation with the area its focus area resolved to (<see cref="Area"/>, null when none), who issued it,
/// the cycle, and its evidence.
/// </summary>
public sealed record RecommendationDetail(RecommendationRow Recommendation, string? Area, string? IssuedBy, string? Cycle, ProgrammeRef Programme, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>One recommendation by id.</summary>
public sealed class GetRecommendation(PtrackDbContext db)
{
    public async Task<Result<RecommendationDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await db.Recommendations.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                Row = new RecommendationRow(r.Id, r.Area != null ? r.AreaId : null, r.FocusArea, r.StrategicAction, r.ExpectedOutcome, r.Status, r.TruncatedInSource) { Revision = r.Revision, ReviewState = r.ReviewState, ReviewComment = r.ReviewComment, IssuedBy = r.IssuedBy, Cycle = r.Cycle, Classification = Markings.Label(r.Classification), ReleasableTo = Markings.ReleasableToEntries(r.ReleasableTo) },
                Area = r.Area != null ? r.Area.Name : null,
                r.IssuedBy,
                r.Cycle,
                Programme = db.Programmes.Where(p => p.Id == r.ProgrammeId).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RecordReading.NotFound("recommendation", id);
        }

        var evidence = await RecordReading.EvidenceAsync(db, RecordType.Recommendation, id, cancellationToken);
        return new RecommendationDetail(found.Row, found.Area, found.IssuedBy, found.Cycle, found.Programme, evidence);
    }
}
