using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>The challenges of a programme, in one area or cross-cutting.</summary>
public sealed class ListChallenges(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<ChallengeRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Challenges.AsNoTracking().Where(c => c.ProgrammeId == id).OrderBy(c => c.Id)
            .Select(c => new ChallengeRow(c.Id, c.AreaId, c.Area != null ? c.Area.Name : null, c.Title, c.Impact, c.Severity, c.Status, c.TruncatedInSource))
            .ToListAsync(cancellationToken);
        return new RecordList<ChallengeRow>(found.Value, items);
    }
}
