using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// Observations of one period: <see cref="Period"/> is the ISO date text, or the source's own words when the
/// period is not a date. <see cref="Conflicting"/> is true when the sources give different values for it.
/// </summary>
public sealed record ObservationPeriod(string Period, IReadOnlyList<ObservationRow> Observations)
{
    public bool Conflicting => Observations.Select(o => (o.Value, o.OutOf)).Distinct().Count() > 1;
}

/// <summary>
/// An indicator with every observation, grouped by period in date order; none is dropped.
/// <see cref="OtherSources"/> gives, per observation id, the sources besides its own that give the same figure.
/// </summary>
public sealed record IndicatorDetail(
    int Id, ProgrammeRef Programme, string Name, string Unit, IndicatorDirection Direction, string? Description, int? AreaId, string? Area,
    IReadOnlyList<ObservationPeriod> Periods, IReadOnlyList<EvidenceRow> Evidence, IReadOnlyDictionary<int, IReadOnlyList<SourceRef>> OtherSources)
{
    /// <summary>The record's revision when read: its ETag.</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }
}

/// <summary>A source by id and title, for a link.</summary>
public sealed record SourceRef(int Id, string Title);

/// <summary>One indicator by id.</summary>
public sealed class GetIndicator(PtrackDbContext db)
{
    public async Task<Result<IndicatorDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await db.Indicators.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.Unit,
                i.Direction,
                i.Description,
                AreaId = db.Areas.Any(a => a.Id == i.AreaId) ? i.AreaId : null,
                i.Revision,
                i.ReviewState,
                i.ReviewComment,
                Area = db.Areas.Where(a => a.Id == i.AreaId).Select(a => a.Name).FirstOrDefault(),
                Programme = db.Programmes.Where(p => p.Id == i.ProgrammeId).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).First(),
                Observations = i.Observations.OrderBy(o => o.Id).Select(o => new ObservationRow(
                    o.Id, o.Value, o.OutOf, o.Period, o.PeriodText, o.Source != null ? o.SourceId : null,
                    o.Source != null ? o.Source.Title : null, o.Source != null ? o.Source.Url : null, o.Confidence, o.Note)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RecordReading.NotFound("indicator", id);
        }

        // Dated periods first, in date order; then periods the source did not date, by its words.
        var periods = found.Observations
            .GroupBy(o => o.Period?.ToString() ?? o.PeriodText ?? "no period given")
            .OrderBy(g => g.First().Period is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ObservationPeriod(g.Key, g.ToList()))
            .ToList();
        var evidence = await RecordReading.EvidenceAsync(db, RecordType.Indicator, id, cancellationToken);
        var observationIds = found.Observations.Select(o => o.Id).ToList();
        var cited = await db.Evidence.AsNoTracking()
            .Where(e => e.RecordType == RecordType.Observation && observationIds.Contains(e.RecordId))
            .Select(e => new { e.RecordId, e.SourceId, e.Source!.Title })
            .ToListAsync(cancellationToken);
        var others = found.Observations.ToDictionary(
            o => o.Id,
            o => (IReadOnlyList<SourceRef>)cited.Where(c => c.RecordId == o.Id && c.SourceId != o.SourceId)
                .Select(c => new SourceRef(c.SourceId, c.Title)).Distinct().ToList());
        return new IndicatorDetail(found.Id, found.Programme, found.Name, found.Unit, found.Direction, found.Description, found.AreaId, found.Area, periods, evidence, others) { Revision = found.Revision, ReviewState = found.ReviewState, ReviewComment = found.ReviewComment };
    }
}
