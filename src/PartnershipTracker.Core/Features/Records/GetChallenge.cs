using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>A challenge, who can unblock it (when known), and its evidence.</summary>
public sealed record ChallengeDetail(ChallengeRow Challenge, string? Owner, ProgrammeRef Programme, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>One challenge by id.</summary>
public sealed class GetChallenge(PtrackDbContext db)
{
    public async Task<Result<ChallengeDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await db.Challenges.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                Row = new ChallengeRow(c.Id, c.Area != null ? c.AreaId : null, c.Area != null ? c.Area.Name : null, c.Title, c.Impact, c.Severity, c.Status, c.TruncatedInSource) { Revision = c.Revision, ReviewState = c.ReviewState, ReviewComment = c.ReviewComment, Owner = c.Owner, Classification = Markings.Label(c.Classification), ReleasableTo = Markings.ReleasableToEntries(c.ReleasableTo) },
                c.Owner,
                Programme = db.Programmes.Where(p => p.Id == c.ProgrammeId).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RecordReading.NotFound("challenge", id);
        }

        var evidence = await RecordReading.EvidenceAsync(db, RecordType.Challenge, id, cancellationToken);
        return new ChallengeDetail(found.Row, found.Owner, found.Programme, evidence);
    }
}
