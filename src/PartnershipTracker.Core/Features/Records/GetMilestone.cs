using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>A milestone, the initiative it is a step of (if any), and its evidence.</summary>
public sealed record MilestoneDetail(MilestoneRow Milestone, int? InitiativeId, string? Initiative, ProgrammeRef Programme, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>One milestone by id.</summary>
public sealed class GetMilestone(PtrackDbContext db)
{
    public async Task<Result<MilestoneDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await db.Milestones.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                Row = new MilestoneRow(m.Id, m.Title, m.Description, m.Date, m.DateText, m.Status, m.Confidence) { Revision = m.Revision, ReviewState = m.ReviewState, ReviewComment = m.ReviewComment, InitiativeId = db.Initiatives.Any(i => i.Id == m.InitiativeId) ? m.InitiativeId : null, Classification = Markings.Label(m.Classification), ReleasableTo = Markings.ReleasableToEntries(m.ReleasableTo) },
                InitiativeId = db.Initiatives.Any(i => i.Id == m.InitiativeId) ? m.InitiativeId : null,
                Initiative = db.Initiatives.Where(i => i.Id == m.InitiativeId).Select(i => i.Name).FirstOrDefault(),
                Programme = db.Programmes.Where(p => p.Id == m.ProgrammeId).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RecordReading.NotFound("milestone", id);
        }

        var evidence = await RecordReading.EvidenceAsync(db, RecordType.Milestone, id, cancellationToken);
        return new MilestoneDetail(found.Row, found.InitiativeId, found.Initiative, found.Programme, evidence);
    }
}
