using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>The achievements of a programme.</summary>
public sealed class ListAchievements(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<AchievementRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Achievements.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.Id)
            .Select(a => new AchievementRow(a.Id, a.AreaId, a.Area != null ? a.Area.Name : null, a.Title, a.Date, a.TruncatedInSource))
            .ToListAsync(cancellationToken);
        return new RecordList<AchievementRow>(found.Value, items);
    }
}
