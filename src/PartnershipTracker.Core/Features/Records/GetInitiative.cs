using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>An initiative, its milestones (by date) and its evidence.</summary>
public sealed record InitiativeDetail(InitiativeRow Initiative, ProgrammeRef Programme, IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>One initiative by id.</summary>
public sealed class GetInitiative(PtrackDbContext db)
{
    public async Task<Result<InitiativeDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await db.Initiatives.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                Row = new InitiativeRow(i.Id, i.Area != null ? i.AreaId : null, i.Area != null ? i.Area.Name : null, i.FocusArea, i.Name, i.Status, i.StatusLabel, i.Start, i.End, i.LeadInstitution, i.TruncatedInSource) { Revision = i.Revision, ReviewState = i.ReviewState, ReviewComment = i.ReviewComment, Classification = Markings.Label(i.Classification), ReleasableTo = Markings.ReleasableToEntries(i.ReleasableTo) },
                Programme = db.Programmes.Where(p => p.Id == i.ProgrammeId).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RecordReading.NotFound("initiative", id);
        }

        var milestones = await db.Milestones.AsNoTracking().Where(m => m.InitiativeId == id).OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new MilestoneRow(m.Id, m.Title, m.Description, m.Date, m.DateText, m.Status, m.Confidence) { Revision = m.Revision, ReviewState = m.ReviewState, ReviewComment = m.ReviewComment, InitiativeId = m.InitiativeId, Classification = Markings.Label(m.Classification), ReleasableTo = Markings.ReleasableToEntries(m.ReleasableTo) })
            .ToListAsync(cancellationToken);
        var evidence = await RecordReading.EvidenceAsync(db, RecordType.Initiative, id, cancellationToken);
        return new InitiativeDetail(found.Row, found.Programme, milestones, evidence);
    }
}
