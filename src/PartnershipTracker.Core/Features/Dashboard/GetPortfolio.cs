using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Dashboard;

/// <summary>
/// Every programme with its size and alerts, by name, for the dashboard when several programmes exist and none is
/// chosen. One GROUP BY query per record type over the whole database, so the cost follows the number of
/// programmes and the indexes, not the records loaded. "Today" (for overdue milestones) is the injected clock's UTC date.
/// </summary>
public sealed class GetPortfolio(PtrackDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PortfolioProgramme>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Slug)
            .Select(p => new { p.Id, p.Slug, p.Name, p.Alliance, p.PartnerIso3 }).ToListAsync(cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().GroupBy(i => i.ProgrammeId)
            .Select(g => new { g.Key, Count = g.Count(), Stalled = g.Count(i => i.Status == InitiativeStatus.Stalled) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var challenges = await db.Challenges.AsNoTracking().Where(c => c.Status != ChallengeStatus.Resolved).GroupBy(c => c.ProgrammeId)
            .Select(g => new { g.Key, Open = g.Count(), High = g.Count(c => c.Severity == Severity.High || c.Severity == Severity.Critical) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking().GroupBy(r => r.ProgrammeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var overdue = await DashboardQueries.Overdue(db, today).GroupBy(m => m.ProgrammeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().GroupBy(i => i.ProgrammeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        return programmes.Select(p => new PortfolioProgramme(
            p.Slug, p.Name, p.Alliance, p.PartnerIso3,
            initiatives.TryGetValue(p.Id, out var i) ? i.Count : 0,
            i?.Stalled ?? 0,
            challenges.TryGetValue(p.Id, out var c) ? c.Open : 0,
            c?.High ?? 0,
            recommendations.GetValueOrDefault(p.Id),
            overdue.GetValueOrDefault(p.Id),
            indicators.GetValueOrDefault(p.Id))).ToList();
    }
}
