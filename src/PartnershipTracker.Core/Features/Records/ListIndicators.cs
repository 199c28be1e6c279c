using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>An indicator with how many observations it has and from how many sources.</summary>
public sealed record IndicatorListItem(int Id, string Name, string Unit, IndicatorDirection Direction, int? AreaId, string? Area, int Observations, int Sources);

/// <summary>The indicators of a programme.</summary>
public sealed class ListIndicators(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<IndicatorListItem>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Indicators.AsNoTracking().Where(i => i.ProgrammeId == id).OrderBy(i => i.Id)
            .Select(i => new IndicatorListItem(
                i.Id, i.Name, i.Unit, i.Direction, i.AreaId,
                db.Areas.Where(a => a.Id == i.AreaId).Select(a => a.Name).FirstOrDefault(),
                i.Observations.Count,
                i.Observations.Where(o => o.SourceId != null).Select(o => o.SourceId).Distinct().Count()))
            .ToListAsync(cancellationToken);
        return new RecordList<IndicatorListItem>(found.Value, items);
    }
}
