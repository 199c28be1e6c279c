using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Dashboard;

/// <summary>
/// One programme's dashboard, read with aggregate queries (GROUP BY on indexed columns, LIMITed lists, one index
/// seek per indicator for its latest observations): the cost follows the number of indicators and the size of the
/// lists shown, never the number of records or observations loaded. "Today" is the injected clock's UTC date.
/// Failures: those of <see cref="ProgrammeLookup.FindAsync"/> (NotFound for an unknown slug, Invalid when no slug
/// is given and there are several programmes).
/// </summary>
public sealed class GetProgrammeDashboard(PtrackDbContext db, ProgrammeLookup programmes, TimeProvider time)
{
    /// <summary>The most rows an alert list (stalled, overdue, high severity) holds; its total is counted apart.</summary>
    public const int ListLimit = 20;

    /// <summary>How many recent changes are listed.</summary>
    public const int RecentLimit = 15;

    public async Task<Result<ProgrammeDashboard>> HandleAsync(string? slug, CancellationToken cancellationToken = default)
    {
        var found = await programmes.FindAsync(slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var p = found.Value!;
        var id = p.Id;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.ProgrammeId == id)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var challenges = await db.Challenges.AsNoTracking().Where(c => c.ProgrammeId == id)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.ProgrammeId == id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ProgrammeId == id)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var stalledQuery = db.Initiatives.AsNoTracking().Where(i => i.ProgrammeId == id && i.Status == InitiativeStatus.Stalled);
        var stalled = await stalledQuery.OrderBy(i => i.Name).ThenBy(i => i.Id).Take(ListLimit)
            .Select(i => new StalledInitiative(i.Id, i.Name, i.Area != null ? i.AreaId : null, i.Area != null ? i.Area.Name : null, i.StatusLabel))
            .ToListAsync(cancellationToken);
        var stalledTotal = stalled.Count < ListLimit ? stalled.Count : await stalledQuery.CountAsync(cancellationToken);

        var overdueQuery = DashboardQueries.Overdue(db, today).Where(m => m.ProgrammeId == id);
        var overdue = await overdueQuery.OrderBy(m => m.Date).ThenBy(m => m.Id).Take(ListLimit)
            .Select(m => new OverdueMilestone(m.Id, m.Title, m.Date!.Value, m.DateText, db.Initiatives.Any(i => i.Id == m.InitiativeId) ? m.InitiativeId : null))
            .ToListAsync(cancellationToken);
        var overdueTotal = overdue.Count < ListLimit ? overdue.Count : await overdueQuery.CountAsync(cancellationToken);

        var highQuery = DashboardQueries.OpenHighSeverity(db).Where(c => c.ProgrammeId == id);
        var high = await highQuery.OrderByDescending(c => c.Severity == Severity.Critical).ThenBy(c => c.Id).Take(ListLimit)
            .Select(c => new HighSeverityChallenge(c.Id, c.Title, c.Area != null ? c.AreaId : null, c.Area != null ? c.Area.Name : null, c.Severity, c.Status))
            .ToListAsync(cancellationToken);
        var highTotal = high.Count < ListLimit ? high.Count : await highQuery.CountAsync(cancellationToken);

        return new ProgrammeDashboard(
            new ProgrammeRow(p.Id, p.Slug, p.Name, p.Alliance, p.PartnerIso3, p.Frameworks, p.ReviewCycle, p.Summary),
            today,
            Counts(initiatives.Select(x => (x.Key, x.Count)), withUnknown: true),
            Counts(challenges.Select(x => ((ChallengeStatus?)x.Key, x.Count)), withUnknown: false),
            Counts(recommendations.Select(x => ((RecommendationStatus?)x.Key, x.Count)), withUnknown: false),
            Counts(milestones.Select(x => ((MilestoneStatus?)x.Key, x.Count)), withUnknown: false),
            await AreaCountsAsync(id, cancellationToken),
            stalled,
            stalledTotal,
            overdue,
            overdueTotal,
            high,
            highTotal,
            await IndicatorTrendsAsync(id, cancellationToken),
            await RecentChangesAsync(id, cancellationToken));
    }

    /// <summary>Every value of the enum in declaration order, zero included; null (no status recognised) last and only when there are such records.</summary>
    private static List<StatusCount<T>> Counts<T>(IEnumerable<(T? Status, int Count)> rows, bool withUnknown)
        where T : struct, Enum
    {
        var byStatus = rows.ToList();
        var counts = Enum.GetValues<T>()
            .Select(s => new StatusCount<T>(s, byStatus.Where(r => r.Status is T v && EqualityComparer<T>.Default.Equals(v, s)).Sum(r => r.Count)))
            .ToList();
        var unknown = byStatus.Where(r => r.Status is null).Sum(r => r.Count);
        if (withUnknown && unknown > 0)
        {
            counts.Add(new StatusCount<T>(null, unknown));
        }

        return counts;
    }

    private async Task<List<AreaCount>> AreaCountsAsync(int id, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var achievements = await db.Achievements.AsNoTracking().Where(a => a.ProgrammeId == id)
            .GroupBy(a => a.AreaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? 0, x => x.Count, cancellationToken);
        var challenges = await db.Challenges.AsNoTracking().Where(a => a.ProgrammeId == id)
            .GroupBy(a => a.AreaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? 0, x => x.Count, cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Where(a => a.ProgrammeId == id)
            .GroupBy(a => a.AreaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? 0, x => x.Count, cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking().Where(a => a.ProgrammeId == id)
            .GroupBy(a => a.AreaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? 0, x => x.Count, cancellationToken);

        // Key 0 stands for "no area"; a record whose area is deleted counts there too.
        var live = areas.Select(a => a.Id).ToHashSet();
        int CrossCutting(Dictionary<int, int> counts) => counts.Where(c => !live.Contains(c.Key)).Sum(c => c.Value);
        return areas
            .Select(a => new AreaCount(a.Id, a.Name,
                achievements.GetValueOrDefault(a.Id), challenges.GetValueOrDefault(a.Id),
                initiatives.GetValueOrDefault(a.Id), recommendations.GetValueOrDefault(a.Id)))
            .Append(new AreaCount(null, "No area (cross-cutting)",
                CrossCutting(achievements), CrossCutting(challenges), CrossCutting(initiatives), CrossCutting(recommendations)))
            .Where(a => a.Total > 0)
            .ToList();
    }

    private async Task<List<IndicatorTrend>> IndicatorTrendsAsync(int id, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ProgrammeId == id).OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Name, i.Unit, i.Direction }).ToListAsync(cancellationToken);
        if (indicators.Count == 0)
        {
            return [];
        }

        var latest = await DashboardQueries.LatestObservations(db, id).ToListAsync(cancellationToken);
        var wanted = latest.SelectMany(l => new[] { l.LatestId, l.PreviousId }).OfType<int>().ToList();
        var points = await db.Observations.AsNoTracking().Where(o => wanted.Contains(o.Id))
            .Select(o => new ObservationPoint(o.Id, o.Value, o.OutOf, o.Period, o.PeriodText))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var byIndicator = latest.ToDictionary(l => l.IndicatorId);
        return indicators.Select(i =>
        {
            var ids = byIndicator.GetValueOrDefault(i.Id);
            return new IndicatorTrend(i.Id, i.Name, i.Unit, i.Direction,
                ids?.LatestId is int l ? points[l] : null,
                ids?.PreviousId is int prev ? points[prev] : null);
        }).ToList();
    }

    private async Task<List<RecentChange>> RecentChangesAsync(int id, CancellationToken cancellationToken)
    {
        var changes = await db.ChangeRecords.AsNoTracking().Where(c => c.ProgrammeId == id)
            .OrderByDescending(c => c.Id).Take(RecentLimit)
            .ToListAsync(cancellationToken);
        var names = new Dictionary<(RecordType, int), (string Name, bool Deleted)>();
        foreach (var group in changes.GroupBy(c => c.RecordType))
        {
            var ids = group.Select(c => c.RecordId).Distinct().ToList();
            foreach (var (recordId, name, deleted) in await NamesAsync(group.Key, ids, cancellationToken))
            {
                names[(group.Key, recordId)] = (name, deleted);
            }
        }

        return changes.Select(c =>
        {
            var known = names.TryGetValue((c.RecordType, c.RecordId), out var n);
            return new RecentChange(c.Id, c.RecordType, c.RecordId, known ? n.Name : null, known && n.Deleted, c.Action, c.At, c.Actor,
                c.Action == ChangeAction.Updated ? FieldNames(c.Changes) : []);
        }).ToList();
    }

    /// <summary>The names of records of one type, deleted ones included (a change to a deleted record still names it).</summary>
    private async Task<List<(int Id, string Name, bool Deleted)>> NamesAsync(RecordType type, List<int> ids, CancellationToken cancellationToken)
    {
        string[] filter = [EditableRecords.SoftDeleteFilter];
        var rows = type switch
        {
            RecordType.Area => await db.Areas.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.Name, r.DeletedAt }).ToListAsync(cancellationToken),
            RecordType.Achievement => await db.Achievements.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.Title, r.DeletedAt }).ToListAsync(cancellationToken),
            RecordType.Challenge => await db.Challenges.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.Title, r.DeletedAt }).ToListAsync(cancellationToken),
            RecordType.Initiative => await db.Initiatives.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.DeletedAt }).ToListAsync(cancellationToken),
            RecordType.Milestone => await db.Milestones.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.Title, r.DeletedAt }).ToListAsync(cancellationToken),
            RecordType.Recommendation => await db.Recommendations.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.StrategicAction, r.DeletedAt }).ToListAsync(cancellationToken),
            RecordType.Indicator => await db.Indicators.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.DeletedAt }).ToListAsync(cancellationToken),
            RecordType.Source => await db.Sources.IgnoreQueryFilters(filter).Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.Title, r.DeletedAt }).ToListAsync(cancellationToken),
            _ => [],
        };
        return rows.Select(r => (r.Id, r.Name, r.DeletedAt is not null)).ToList();
    }

    private static List<string> FieldNames(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return json.RootElement.EnumerateObject().Select(f => f.Name).ToList();
    }
}

/// <summary>The queries the dashboard and the portfolio share, in SQL that SQLite and PostgreSQL both read.</summary>
public static class DashboardQueries
{
    /// <summary>
    /// Milestones still due whose date has passed, deleted ones excluded. A partial date is past when the last day
    /// it can mean is before <paramref name="today"/>: <c>2026-10</c> is overdue on 2026-11-01, <c>2026-11</c> only
    /// from 2026-12-01. Dates are ISO text, so this is one text comparison: the date followed by <c>~</c> (which
    /// sorts after digits and dashes) is less than today's ISO date exactly when the date's period ended before today.
    /// </summary>
    public static IQueryable<Milestone> Overdue(PtrackDbContext db, DateOnly today)
    {
        var iso = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return db.Milestones.FromSql(
            $"""SELECT * FROM "Milestones" WHERE "Status" = 'Due' AND "Date" IS NOT NULL AND ("Date" || '~') < {iso}""")
            .AsNoTracking();
    }

    /// <summary>Challenges not resolved and rated high or critical.</summary>
    public static IQueryable<Challenge> OpenHighSeverity(PtrackDbContext db) =>
        db.Challenges.AsNoTracking().Where(c => c.Status != ChallengeStatus.Resolved
            && (c.Severity == Severity.High || c.Severity == Severity.Critical));

    /// <summary>
    /// For each live indicator of a programme, the ids of its latest observation and of the latest one of an earlier
    /// period (see <see cref="IndicatorTrend"/>). Each subquery is an index seek on (IndicatorId, Period, Id) that
    /// reads one or two index entries, so the cost does not grow with the number of observations.
    /// </summary>
    public static IQueryable<LatestObservationIds> LatestObservations(PtrackDbContext db, int programmeId) =>
        db.Database.SqlQuery<LatestObservationIds>(
            $"""
            SELECT t."IndicatorId", t."LatestId",
                (SELECT p."Id" FROM "Observations" AS p
                 WHERE p."IndicatorId" = t."IndicatorId" AND p."Period" IS NOT NULL AND p."Period" < t."LatestPeriod"
                 ORDER BY p."Period" DESC, p."Id" DESC LIMIT 1) AS "PreviousId"
            FROM (
                SELECT i."Id" AS "IndicatorId",
                    COALESCE(
                        (SELECT o."Id" FROM "Observations" AS o WHERE o."IndicatorId" = i."Id" AND o."Period" IS NOT NULL
                         ORDER BY o."Period" DESC, o."Id" DESC LIMIT 1),
                        (SELECT o."Id" FROM "Observations" AS o WHERE o."IndicatorId" = i."Id" AND o."Period" IS NULL ORDER BY o."Id" DESC LIMIT 1)) AS "LatestId",
                    (SELECT o."Period" FROM "Observations" AS o WHERE o."IndicatorId" = i."Id" AND o."Period" IS NOT NULL
                     ORDER BY o."Period" DESC, o."Id" DESC LIMIT 1) AS "LatestPeriod"
                FROM "Indicators" AS i
                WHERE i."ProgrammeId" = {programmeId} AND i."DeletedAt" IS NULL
            ) AS t
            """);
}

/// <summary>A row of <see cref="DashboardQueries.LatestObservations"/>.</summary>
public sealed record LatestObservationIds(int IndicatorId, int? LatestId, int? PreviousId);
