using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Dashboard;

/// <summary>
/// An indicator's dated observations for its trend line, oldest first: at most <paramref name="Limit"/> of the
/// latest, so that a long series costs one bounded index read. Observations without a period cannot be placed on a
/// time axis and are left out (<see cref="Undated"/> counts them).
/// </summary>
public sealed record IndicatorSeries(int Id, string Name, string Unit, IndicatorDirection Direction, IReadOnlyList<ObservationPoint> Points, int Limit, int Undated);

/// <summary>Reads <see cref="IndicatorSeries"/>. Failures: NotFound for an unknown or deleted indicator.</summary>
public sealed class GetIndicatorSeries(PtrackDbContext db)
{
    /// <summary>The most observations a trend line shows.</summary>
    public const int MaxPoints = 120;

    public async Task<Result<IndicatorSeries>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Id, i.Name, i.Unit, i.Direction }).FirstOrDefaultAsync(cancellationToken);
        if (indicator is null)
        {
            return RecordReading.NotFound("indicator", id);
        }

        var points = await db.Observations.AsNoTracking().Where(o => o.IndicatorId == id && o.Period != null)
            .OrderByDescending(o => o.Period).ThenByDescending(o => o.Id).Take(MaxPoints)
            .Select(o => new ObservationPoint(o.Id, o.Value, o.OutOf, o.Period, o.PeriodText))
            .ToListAsync(cancellationToken);
        points.Reverse();
        var undated = await db.Observations.CountAsync(o => o.IndicatorId == id && o.Period == null, cancellationToken);
        return new IndicatorSeries(indicator.Id, indicator.Name, indicator.Unit, indicator.Direction, points, MaxPoints, undated);
    }
}
