using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Programmes;

/// <summary>
/// Everything the report shows about one programme, read in a handful of queries
/// as plain rows. Each row carries the places it is cited (<see cref="Citation"/>). With <c>approvedOnly</c> only
/// records approved in the review workflow are read (PRODUCT.md C3), and <see cref="ProgrammeOverview.AwaitingReview"/>
/// counts the live records left out.
/// </summary>
public sealed class GetProgrammeOverview(PtrackDbContext db, ProgrammeLookup programmes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<ProgrammeOverview>> HandleAsync(string? slug, CancellationToken cancellationToken = default) =>
        await HandleAsync(slug, approvedOnly: false, cancellationToken);

    /// <inheritdoc cref="HandleAsync(string?, CancellationToken)"/>
    /// <param name="approvedOnly">Read only Approved records; the others are counted in <see cref="ProgrammeOverview.AwaitingReview"/>.</param>
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
        var milestones = (await db.Milestones.AsNoTracking().Where(m => m.ProgrammeId == id && (!approvedOnly || m.ReviewState == ReviewState.Approved))
            .Select(m => new MilestoneRow(m.Id, m.Title, m.Description, m.Date, m.DateText, m.Status, m.Confidence))
            .ToListAsync(cancellationToken))
            .OrderBy(m => m.Date?.ToString() ?? "9999").ThenBy(m => m.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ProgrammeId == id && (!approvedOnly || i.ReviewState == ReviewState.Approved)).OrderBy(i => i.Id)
            .Select(i => new IndicatorRow(i.Id, i.Name, i.Unit, i.Direction, i.Description,
                i.Observations.OrderBy(o => o.Id).Select(o => new ObservationRow(
                    o.Id, o.Value, o.OutOf, o.Period, o.PeriodText, o.SourceId,
                    o.Source != null ? o.Source.Title : null, o.Source != null ? o.Source.Url : null, o.Confidence, o.Note)).ToList()))
            .ToListAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().Where(s => s.ProgrammeId == id && (!approvedOnly || s.ReviewState == ReviewState.Approved)).OrderBy(s => s.Id)
            .Select(s => new SourceRow(s.Id, s.Title, s.Publisher, s.Url, s.FileName, s.PublishedOn, s.RetrievedAt, s.Sha256, s.Format, s.Kind, s.Version, s.DataQualityFlags, s.IngestReportJson))
            .ToListAsync(cancellationToken);
        var sourceIds = sources.Select(s => s.Id).ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => sourceIds.Contains(e.SourceId))
            .Select(e => new { e.RecordType, e.RecordId, Citation = new Citation(e.SourceId, e.LineStart, e.LineEnd, e.Quote) })
            .ToListAsync(cancellationToken);
        var citations = evidence
            .GroupBy(e => (e.RecordType, e.RecordId))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Citation>)g.Select(e => e.Citation).OrderBy(c => c.SourceId).ThenBy(c => c.LineStart).ToList());

        return new ProgrammeOverview(
            new ProgrammeRow(programme.Id, programme.Slug, programme.Name, programme.Alliance, programme.PartnerIso3, programme.Frameworks, programme.ReviewCycle, programme.Summary),
            areas, achievements, challenges, initiatives, recommendations, milestones, indicators, sources,
            DataQuality(sources),
            citations)
        {
            ApprovedOnly = approvedOnly,
            AwaitingReview = approvedOnly ? await CountAwaitingReviewAsync(id, cancellationToken) : 0,
        };
    }

    /// <summary>Live records of the programme the reader may see that are not approved (draft, submitted or returned).</summary>
    private async Task<int> CountAwaitingReviewAsync(int programmeId, CancellationToken cancellationToken) =>
        await db.Areas.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken)
        + await db.Achievements.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken)
        + await db.Challenges.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken)
        + await db.Initiatives.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken)
        + await db.Milestones.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken)
        + await db.Recommendations.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken)
        + await db.Indicators.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken)
        + await db.Sources.CountAsync(r => r.ProgrammeId == programmeId && r.ReviewState != ReviewState.Approved, cancellationToken);

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

    /// <summary>With <see cref="ApprovedOnly"/>: how many live records (draft, submitted or returned) were left out; else 0.</summary>
    public int AwaitingReview { get; init; }

    public IReadOnlyList<Citation> CitationsOf(RecordType type, int id) =>
        Citations.TryGetValue((type, id), out var list) ? list : [];
}
