using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Data.History;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Programmes;

/// <summary>
/// Everything the report shows about one programme, read in a handful of queries
/// as plain rows. Each row carries the places it is cited (<see cref="Citation"/>).
/// </summary>
/// <remarks>
/// With <c>approvedOnly</c> (PRODUCT.md C3; docs/adr/0017-review-workflow-and-audit.md) a record is read as approved:
/// an Approved record as it is; a record whose newer edit awaits review with the values it was last approved with
/// (<see cref="IEditableRecord.ApprovedVersion"/>, counted in <see cref="ProgrammeOverview.ShownAsApproved"/>); a
/// record never approved is left out (counted in <see cref="ProgrammeOverview.AwaitingReview"/>). Area names then come
/// from the approved areas only: a record whose area is not approved keeps its <c>AreaId</c> with a null area name
/// (the report shows it under "Area awaiting review", never with the draft area's name).
/// Whatever the mode, a link to an area or source the reader may not see is read as no link (null id and name): a
/// hidden record leaves no trace.
/// </remarks>
public sealed class GetProgrammeOverview(PtrackDbContext db, ProgrammeLookup programmes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<ProgrammeOverview>> HandleAsync(string? slug, CancellationToken cancellationToken = default) =>
        await HandleAsync(slug, approvedOnly: false, cancellationToken);

    /// <inheritdoc cref="HandleAsync(string?, CancellationToken)"/>
    /// <param name="approvedOnly">Read records as approved (see remarks); records never approved are counted in <see cref="ProgrammeOverview.AwaitingReview"/>.</param>
    public async Task<Result<ProgrammeOverview>> HandleAsync(string? slug, bool approvedOnly, CancellationToken cancellationToken = default)
    {
        var found = await programmes.FindAsync(slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var programme = found.Value!;
        var id = programme.Id;
        var areas = await db.Areas.AsNoTracking().Where(a => a.ProgrammeId == id && (!approvedOnly || a.ReviewState == ReviewState.Approved)).OrderBy(a => a.Id)
            .Select(a => new AreaRow(a.Id, a.Name, a.Description, a.Chapter, a.Aliases.Where(x => x.Name != a.Name).Select(x => x.Name).ToList()))
            .ToListAsync(cancellationToken);
        var achievements = await db.Achievements.AsNoTracking().Where(a => a.ProgrammeId == id && (!approvedOnly || a.ReviewState == ReviewState.Approved)).OrderBy(a => a.Id)
            .Select(a => new AchievementRow(a.Id, a.AreaId, a.Area != null ? a.Area.Name : null, a.Title, a.Date, a.TruncatedInSource))
            .ToListAsync(cancellationToken);
        var challenges = await db.Challenges.AsNoTracking().Where(c => c.ProgrammeId == id && (!approvedOnly || c.ReviewState == ReviewState.Approved)).OrderBy(c => c.Id)
            .Select(c => new ChallengeRow(c.Id, c.AreaId, c.Area != null ? c.Area.Name : null, c.Title, c.Impact, c.Severity, c.Status, c.TruncatedInSource))
            .ToListAsync(cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.ProgrammeId == id && (!approvedOnly || i.ReviewState == ReviewState.Approved)).OrderBy(i => i.Id)
            .Select(i => new InitiativeRow(i.Id, i.AreaId, i.Area != null ? i.Area.Name : null, i.FocusArea, i.Name, i.Status, i.StatusLabel, i.Start, i.End, i.LeadInstitution, i.TruncatedInSource))
            .ToListAsync(cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.ProgrammeId == id && (!approvedOnly || r.ReviewState == ReviewState.Approved)).OrderBy(r => r.Id)
            .Select(r => new RecommendationRow(r.Id, r.AreaId, r.FocusArea, r.StrategicAction, r.ExpectedOutcome, r.Status, r.TruncatedInSource))
            .ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ProgrammeId == id && (!approvedOnly || m.ReviewState == ReviewState.Approved))
            .Select(m => new MilestoneRow(m.Id, m.Title, m.Description, m.Date, m.DateText, m.Status, m.Confidence))
            .ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ProgrammeId == id && (!approvedOnly || i.ReviewState == ReviewState.Approved)).OrderBy(i => i.Id)
            .Select(i => new IndicatorRow(i.Id, i.Name, i.Unit, i.Direction, i.Description,
                i.Observations.OrderBy(o => o.Id).Select(o => new ObservationRow(
                    o.Id, o.Value, o.OutOf, o.Period, o.PeriodText, o.Source != null ? o.SourceId : null,
                    o.Source != null ? o.Source.Title : null, o.Source != null ? o.Source.Url : null, o.Confidence, o.Note)).ToList()))
            .ToListAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().Where(s => s.ProgrammeId == id && (!approvedOnly || s.ReviewState == ReviewState.Approved)).OrderBy(s => s.Id)
            .Select(s => new SourceRow(s.Id, s.Title, s.Publisher, s.Url, s.FileName, s.PublishedOn, s.RetrievedAt, s.Sha256, s.Format, s.Kind, s.Version, s.DataQualityFlags, s.IngestReportJson))
            .ToListAsync(cancellationToken);

        if (approvedOnly)
        {
            areas = Merged(areas, await AreasAsApprovedAsync(id, cancellationToken), a => a.Id);
            achievements = Merged(achievements, await AsApprovedAsync(db.Achievements, id,
                a => new AchievementRow(a.Id, a.AreaId, null, a.Title, a.Date, a.TruncatedInSource), cancellationToken), a => a.Id);
            challenges = Merged(challenges, await AsApprovedAsync(db.Challenges, id,
                c => new ChallengeRow(c.Id, c.AreaId, null, c.Title, c.Impact, c.Severity, c.Status, c.TruncatedInSource), cancellationToken), c => c.Id);
            initiatives = Merged(initiatives, await AsApprovedAsync(db.Initiatives, id,
                i => new InitiativeRow(i.Id, i.AreaId, null, i.FocusArea, i.Name, i.Status, i.StatusLabel, i.Start, i.End, i.LeadInstitution, i.TruncatedInSource), cancellationToken), i => i.Id);
            recommendations = Merged(recommendations, await AsApprovedAsync(db.Recommendations, id,
                r => new RecommendationRow(r.Id, r.AreaId, r.FocusArea, r.StrategicAction, r.ExpectedOutcome, r.Status, r.TruncatedInSource), cancellationToken), r => r.Id);
            milestones.AddRange(await AsApprovedAsync(db.Milestones, id,
                m => new MilestoneRow(m.Id, m.Title, m.Description, m.Date, m.DateText, m.Status, m.Confidence), cancellationToken));
            indicators = Merged(indicators, await IndicatorsAsApprovedAsync(id, cancellationToken), i => i.Id);
            sources = Merged(sources, await AsApprovedAsync(db.Sources, id,
                s => new SourceRow(s.Id, s.Title, s.Publisher, s.Url, s.FileName, s.PublishedOn, s.RetrievedAt, s.Sha256, s.Format, s.Kind, s.Version, s.DataQualityFlags, s.IngestReportJson), cancellationToken), s => s.Id);
        }

        // Area names: in approved-only reads those of the approved areas (as approved); links to areas the reader may not see are dropped.
        var visibleAreas = (await db.Areas.Where(a => a.ProgrammeId == id).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var approvedNames = areas.ToDictionary(a => a.Id, a => a.Name);
        (int? Id, string? Name) AreaOf(int? areaId, string? name) => areaId is int area && visibleAreas.Contains(area)
            ? (area, approvedOnly ? approvedNames.GetValueOrDefault(area) : name)
            : (null, null);
        achievements = achievements.Select(a =>
        {
            var (areaId, name) = AreaOf(a.AreaId, a.Area);
            return a with { AreaId = areaId, Area = name };
        }).ToList();
        challenges = challenges.Select(c =>
        {
            var (areaId, name) = AreaOf(c.AreaId, c.Area);
            return c with { AreaId = areaId, Area = name };
        }).ToList();
        initiatives = initiatives.Select(i =>
        {
            var (areaId, name) = AreaOf(i.AreaId, i.Area);
            return i with { AreaId = areaId, Area = name };
        }).ToList();
        recommendations = recommendations.Select(r => r with { AreaId = AreaOf(r.AreaId, null).Id }).ToList();

        var sourceIds = sources.Select(s => s.Id).ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => sourceIds.Contains(e.SourceId))
            .Select(e => new { e.RecordType, e.RecordId, Citation = new Citation(e.SourceId, e.LineStart, e.LineEnd, e.Quote) })
            .ToListAsync(cancellationToken);
        var citations = evidence
            .GroupBy(e => (e.RecordType, e.RecordId))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Citation>)g.Select(e => e.Citation).OrderBy(c => c.SourceId).ThenBy(c => c.LineStart).ToList());

        return new ProgrammeOverview(
            new ProgrammeRow(programme.Id, programme.Slug, programme.Name, programme.Alliance, programme.PartnerIso3, programme.Frameworks, programme.ReviewCycle, programme.Summary),
            areas, achievements, challenges, initiatives, recommendations,
            milestones.OrderBy(m => m.Date?.ToString() ?? "9999").ThenBy(m => m.Id).ToList(),
            indicators, sources,
            DataQuality(sources),
            citations)
        {
            ApprovedOnly = approvedOnly,
            AwaitingReview = approvedOnly ? await CountNotApprovedAsync(id, withApprovedVersion: false, cancellationToken) : 0,
            ShownAsApproved = approvedOnly ? await CountNotApprovedAsync(id, withApprovedVersion: true, cancellationToken) : 0,
        };
    }

    /// <summary>The records of <paramref name="records"/> that are not approved but have an approved version, read as that version.</summary>
    private async Task<List<TRow>> AsApprovedAsync<TRecord, TRow>(IQueryable<TRecord> records, int programmeId, Func<TRecord, TRow> row, CancellationToken cancellationToken)
        where TRecord : class, IEditableRecord
    {
        var found = await records.AsNoTracking()
            .Where(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved && r.ApprovedVersion != null)
            .ToListAsync(cancellationToken);
        return found.Where(r => ApprovedVersions.ApplyTo(r, db.Model)).Select(row).ToList();
    }

    /// <summary>
    /// Areas read as their approved version, with the other names they had then: a rename keeps the new name as an
    /// alias (EditArea), so the names the area took since it left Approved (its current name and any in between, from
    /// its change history) are left out, unless the approved version bears that name.
    /// </summary>
    private async Task<List<AreaRow>> AreasAsApprovedAsync(int programmeId, CancellationToken cancellationToken)
    {
        var found = await db.Areas.Include(a => a.Aliases).AsNoTracking()
            .Where(a => a.ProgrammeId == programmeId && a.ReviewState != ReviewState.Approved && a.ApprovedVersion != null)
            .ToListAsync(cancellationToken);
        var ids = found.Select(a => a.Id).ToList();
        var changes = (await db.ChangeRecords.AsNoTracking().Where(c => c.RecordType == RecordType.Area && ids.Contains(c.RecordId)).OrderBy(c => c.Id)
            .Select(c => new { c.RecordId, c.Changes }).ToListAsync(cancellationToken)).ToLookup(c => c.RecordId, c => c.Changes);
        var rows = new List<AreaRow>();
        foreach (var area in found)
        {
            var unapproved = NamesSinceApproved(changes[area.Id]);
            unapproved.Add(area.Name);
            if (!ApprovedVersions.ApplyTo(area, db.Model))
            {
                continue;
            }

            unapproved.Remove(area.Name);
            rows.Add(new AreaRow(area.Id, area.Name, area.Description, area.Chapter,
                area.Aliases.OrderBy(x => x.Id).Select(x => x.Name).Where(x => x != area.Name && !unapproved.Contains(x)).ToList()));
        }

        return rows;
    }

    /// <summary>The names an area was given (by its change history, oldest change first) since it last left the approved state.</summary>
    private static HashSet<string> NamesSinceApproved(IEnumerable<string> changes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            using var json = JsonDocument.Parse(change);
            if (json.RootElement.TryGetProperty(nameof(IEditableRecord.ReviewState), out var state)
                && state.TryGetProperty("before", out var before) && before.ValueKind == JsonValueKind.String
                && before.GetString() == nameof(ReviewState.Approved))
            {
                names.Clear();
            }

            if (json.RootElement.TryGetProperty(nameof(Area.Name), out var name)
                && name.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String)
            {
                names.Add(after.GetString()!);
            }
        }

        return names;
    }

    /// <summary>Indicators read as their approved version, with their observations (not reviewed on their own) as they are.</summary>
    private async Task<List<IndicatorRow>> IndicatorsAsApprovedAsync(int programmeId, CancellationToken cancellationToken)
    {
        var indicators = await AsApprovedAsync(db.Indicators, programmeId, i => i, cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var observations = (await db.Observations.AsNoTracking().Where(o => ids.Contains(o.IndicatorId)).OrderBy(o => o.Id)
            .Select(o => new
            {
                o.IndicatorId,
                Row = new ObservationRow(o.Id, o.Value, o.OutOf, o.Period, o.PeriodText, o.Source != null ? o.SourceId : null,
                    o.Source != null ? o.Source.Title : null, o.Source != null ? o.Source.Url : null, o.Confidence, o.Note),
            })
            .ToListAsync(cancellationToken)).ToLookup(o => o.IndicatorId, o => o.Row);
        return indicators.Select(i => new IndicatorRow(i.Id, i.Name, i.Unit, i.Direction, i.Description, observations[i.Id].ToList())).ToList();
    }

    private static List<T> Merged<T>(List<T> approved, List<T> asApproved, Func<T, int> id) =>
        asApproved.Count == 0 ? approved : approved.Concat(asApproved).OrderBy(id).ToList();

    /// <summary>
    /// Live records of the programme the reader may see that are not approved (draft, submitted or returned): with
    /// <paramref name="withApprovedVersion"/> those shown as their approved version, else those left out.
    /// </summary>
    private async Task<int> CountNotApprovedAsync(int programmeId, bool withApprovedVersion, CancellationToken cancellationToken) =>
        await CountAsync(db.Areas, programmeId, withApprovedVersion, cancellationToken)
        + await CountAsync(db.Achievements, programmeId, withApprovedVersion, cancellationToken)
        + await CountAsync(db.Challenges, programmeId, withApprovedVersion, cancellationToken)
        + await CountAsync(db.Initiatives, programmeId, withApprovedVersion, cancellationToken)
        + await CountAsync(db.Milestones, programmeId, withApprovedVersion, cancellationToken)
        + await CountAsync(db.Recommendations, programmeId, withApprovedVersion, cancellationToken)
        + await CountAsync(db.Indicators, programmeId, withApprovedVersion, cancellationToken)
        + await CountAsync(db.Sources, programmeId, withApprovedVersion, cancellationToken);

    private static async Task<int> CountAsync<TRecord>(IQueryable<TRecord> records, int programmeId, bool withApprovedVersion, CancellationToken cancellationToken)
        where TRecord : class, IEditableRecord =>
        await records.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved && (r.ApprovedVersion != null) == withApprovedVersion, cancellationToken);

    private static List<DataQualityRow> DataQuality(List<SourceRow> sources)
    {
        var rows = new List<DataQualityRow>();
        foreach (var source in sources.Where(s => s.IngestReportJson is not null))
        {
            using var report = JsonDocument.Parse(source.IngestReportJson!);
            foreach (var removed in report.RootElement.GetProperty("removed").EnumerateArray())
            {
                var copies = removed.TryGetProperty("copies", out var count) ? count.GetInt32() : 1;
                var what = "removed: " + removed.GetProperty("reason").GetString() + (copies > 1 ? $" ({copies} copies)" : "");
                rows.Add(new DataQualityRow(source.Id, source.FileName ?? source.Title, what,
                    removed.GetProperty("line").GetInt32(), removed.GetProperty("lineEnd").GetInt32(), removed.GetProperty("text").GetString() ?? ""));
            }

            foreach (var warning in report.RootElement.GetProperty("warnings").EnumerateArray())
            {
                var line = warning.GetProperty("line").ValueKind == JsonValueKind.Number ? warning.GetProperty("line").GetInt32() : (int?)null;
                rows.Add(new DataQualityRow(source.Id, source.FileName ?? source.Title, "flagged: " + warning.GetProperty("code").GetString(),
                    line, line, warning.GetProperty("message").GetString() ?? ""));
            }
        }

        return rows.OrderBy(r => r.SourceId).ThenBy(r => r.Line ?? 0).ToList();
    }
}

/// <summary>A programme as read for display.</summary>
public sealed record ProgrammeRow(int Id, string Slug, string Name, string Alliance, string PartnerIso3, string Frameworks, string ReviewCycle, string Summary);

/// <summary>Where a record is cited: source, lines (null for a source cited by URL only) and the quoted passage.</summary>
public sealed record Citation(int SourceId, int? LineStart, int? LineEnd, string Quote);

public sealed record AreaRow(int Id, string Name, string? Description, MapChapter? Chapter, IReadOnlyList<string> Aliases);

public sealed record AchievementRow(int Id, int? AreaId, string? Area, string Title, PartialDate? Date, bool TruncatedInSource) : IRecordRow
{
    /// <summary>The classification label, e.g. "NATO RESTRICTED" (docs/adr/0016-markings.md); empty where a reader did not ask for it.</summary>
    public string Classification { get; init; } = "";

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty when the record is restricted to no nation.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];

    /// <summary>The record's revision when read: its ETag (0 where a reader did not ask for it).</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }
}

public sealed record ChallengeRow(int Id, int? AreaId, string? Area, string Title, string? Impact, Severity Severity, ChallengeStatus Status, bool TruncatedInSource) : IRecordRow
{
    /// <summary>The classification label, e.g. "NATO RESTRICTED" (docs/adr/0016-markings.md); empty where a reader did not ask for it.</summary>
    public string Classification { get; init; } = "";

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty when the record is restricted to no nation.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];

    /// <summary>The record's revision when read: its ETag (0 where a reader did not ask for it).</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }

    /// <summary>Who can unblock it, when known.</summary>
    public string? Owner { get; init; }

    public bool IsCrossCutting => AreaId is null;
}

/// <summary>An initiative; <see cref="FocusArea"/> is as the source wrote it, <see cref="Area"/> the area it resolves to.</summary>
public sealed record InitiativeRow(int Id, int? AreaId, string? Area, string? FocusArea, string Name, InitiativeStatus? Status, string? StatusLabel, PartialDate? Start, PartialDate? End, string? LeadInstitution, bool TruncatedInSource) : IRecordRow
{
    /// <summary>The classification label, e.g. "NATO RESTRICTED" (docs/adr/0016-markings.md); empty where a reader did not ask for it.</summary>
    public string Classification { get; init; } = "";

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty when the record is restricted to no nation.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];

    /// <summary>The record's revision when read: its ETag (0 where a reader did not ask for it).</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }

    /// <summary>The focus area as written, with the area it resolves to when the names differ: "Digital Threat Protection (Cybersecurity)".</summary>
    public string? FocusAreaShown => (FocusArea, Area) switch
    {
        (null, var area) => area,
        (var written, null) => written,
        var (written, area) when string.Equals(written, area, StringComparison.OrdinalIgnoreCase) => written,
        var (written, area) => $"{written} ({area})",
    };
}

public sealed record RecommendationRow(int Id, int? AreaId, string? FocusArea, string StrategicAction, string? ExpectedOutcome, RecommendationStatus Status, bool TruncatedInSource) : IRecordRow
{
    /// <summary>The classification label, e.g. "NATO RESTRICTED" (docs/adr/0016-markings.md); empty where a reader did not ask for it.</summary>
    public string Classification { get; init; } = "";

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty when the record is restricted to no nation.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];

    /// <summary>The record's revision when read: its ETag (0 where a reader did not ask for it).</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }

    public string? IssuedBy { get; init; }

    /// <summary>The review cycle it was issued in, e.g. "2024".</summary>
    public string? Cycle { get; init; }
}

public sealed record MilestoneRow(int Id, string Title, string? Description, PartialDate? Date, string? DateText, MilestoneStatus Status, string? Confidence) : IRecordRow
{
    /// <summary>The classification label, e.g. "NATO RESTRICTED" (docs/adr/0016-markings.md); empty where a reader did not ask for it.</summary>
    public string Classification { get; init; } = "";

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty when the record is restricted to no nation.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];

    /// <summary>The record's revision when read: its ETag (0 where a reader did not ask for it).</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }

    /// <summary>The initiative it is a step of; null for a step of the programme.</summary>
    public int? InitiativeId { get; init; }
}

/// <summary>An indicator with every observation; observations of one period from different sources are all here.</summary>
public sealed record IndicatorRow(int Id, string Name, string Unit, IndicatorDirection Direction, string? Description, IReadOnlyList<ObservationRow> Observations);

public sealed record ObservationRow(int Id, decimal Value, decimal? OutOf, PartialDate? Period, string? PeriodText, int? SourceId, string? SourceTitle, string? SourceUrl, string? Confidence, string? Note);

public sealed record SourceRow(int Id, string Title, string? Publisher, string? Url, string? FileName, PartialDate? PublishedOn, DateTimeOffset? RetrievedAt, string? Sha256, string? Format, SourceKind Kind, int Version, IReadOnlyList<string> DataQualityFlags, string? IngestReportJson);

/// <summary>One thing ingest removed or flagged in a source, for the data-quality appendix.</summary>
public sealed record DataQualityRow(int SourceId, string Source, string What, int? Line, int? LineEnd, string Text);

/// <summary>
/// A programme's records for the report (the dashboard reads aggregates instead: GetProgrammeDashboard). <see cref="Citations"/> is keyed by
/// (record type, record id).
/// </summary>
public sealed record ProgrammeOverview(
    ProgrammeRow Programme,
    IReadOnlyList<AreaRow> Areas,
    IReadOnlyList<AchievementRow> Achievements,
    IReadOnlyList<ChallengeRow> Challenges,
    IReadOnlyList<InitiativeRow> Initiatives,
    IReadOnlyList<RecommendationRow> Recommendations,
    IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<SourceRow> Sources,
    IReadOnlyList<DataQualityRow> DataQuality,
    IReadOnlyDictionary<(RecordType Type, int Id), IReadOnlyList<Citation>> Citations)
{
    /// <summary>True when only records approved in the review workflow were read.</summary>
    public bool ApprovedOnly { get; init; }

    /// <summary>With <see cref="ApprovedOnly"/>: how many live records (draft, submitted or returned, never approved) were left out; else 0.</summary>
    public int AwaitingReview { get; init; }

    /// <summary>
    /// With <see cref="ApprovedOnly"/>: how many live records are shown as they were last approved because a newer
    /// edit awaits review (<see cref="IEditableRecord.ApprovedVersion"/>); else 0.
    /// </summary>
    public int ShownAsApproved { get; init; }

    public IReadOnlyList<Citation> CitationsOf(RecordType type, int id) =>
        Citations.TryGetValue((type, id), out var list) ? list : [];
}
