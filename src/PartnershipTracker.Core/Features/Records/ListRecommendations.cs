using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>The recommendations of a programme: focus area, strategic action, expected outcome, status.</summary>
public sealed class ListRecommendations(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<RecommendationRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Recommendations.AsNoTracking().Where(r => r.ProgrammeId == id).OrderBy(r => r.Id)
            .Select(r => new RecommendationRow(r.Id, r.AreaId, r.FocusArea, r.StrategicAction, r.ExpectedOutcome, r.Status, r.TruncatedInSource))
            .ToListAsync(cancellationToken);
        return new RecordList<RecommendationRow>(found.Value, items);
    }
}
