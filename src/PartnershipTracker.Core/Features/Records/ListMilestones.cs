using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>The milestones of a programme by date (undated last), as a timeline.</summary>
public sealed class ListMilestones(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<MilestoneRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;

        // PartialDate is stored as ISO 8601 text, so ordering by it in the database is date order.
        var items = await db.Milestones.AsNoTracking().Where(m => m.ProgrammeId == id)
            .OrderBy(m => m.Date == null).ThenBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new MilestoneRow(m.Id, m.Title, m.Description, m.Date, m.DateText, m.Status, m.Confidence))
            .ToListAsync(cancellationToken);
        return new RecordList<MilestoneRow>(found.Value, items);
    }
}
