using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>The initiatives of a programme, with status and the source's status label.</summary>
public sealed class ListInitiatives(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<InitiativeRow>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Initiatives.AsNoTracking().Where(i => i.ProgrammeId == id).OrderBy(i => i.Id)
            .Select(i => new InitiativeRow(i.Id, i.AreaId, i.Area != null ? i.Area.Name : null, i.FocusArea, i.Name, i.Status, i.StatusLabel, i.Start, i.End, i.LeadInstitution, i.TruncatedInSource))
            .ToListAsync(cancellationToken);
        return new RecordList<InitiativeRow>(found.Value, items);
    }
}
