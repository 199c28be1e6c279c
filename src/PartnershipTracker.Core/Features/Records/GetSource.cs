using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>
/// A passage ingest removed (<see cref="Removed"/> true; <see cref="Kind"/> is the reason, e.g. "assistant-text",
/// "duplicate") or flagged (<see cref="Kind"/> is the warning code, e.g. "truncated-cell"). Lines count from 1
/// in the stored text; <see cref="DuplicateOf"/> is the line a repeated passage first appeared on.
/// </summary>
public sealed record IngestFinding(bool Removed, string Kind, int? Line, int? LineEnd, string Text, int? DuplicateOf);

/// <summary>A record that cites a source, and where.</summary>
public sealed record SourceCitation(RecordType Type, int Id, string Name, int? LineStart, int? LineEnd);

/// <summary>A passage this source shares with another source (found at ingest, see <see cref="Domain.PassageCopy"/>).</summary>
/// <param name="Earlier">True when the other source was stored first (this one repeats it); false when the other repeats this one.</param>
public sealed record SharedPassage(int LineStart, int LineEnd, int OtherSourceId, string OtherTitle, int OtherLineStart, int OtherLineEnd, double Similarity, bool Earlier);

/// <summary>
/// A source with its metadata, the data-quality findings of its ingest, the records that cite it, and its
/// stored text split into lines (<see cref="Lines"/>[0] is line 1). A source cited by URL only has no lines.
/// </summary>
public sealed record SourceDetail(
    int Id, ProgrammeRef Programme, string Title, string? Publisher, string? Url, string? FileName, PartialDate? PublishedOn,
    DateTimeOffset? RetrievedAt, string? Sha256, string? Format, SourceKind Kind, char? Reliability, int? Credibility,
    int Version, int? PreviousVersionId, IReadOnlyList<string> DataQualityFlags,
    IReadOnlyList<IngestFinding> Findings, IReadOnlyList<SourceCitation> CitedBy, IReadOnlyList<SharedPassage> SharedPassages, IReadOnlyList<string> Lines)
{
    /// <summary>The record's revision when read: its ETag.</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }
}

/// <summary>One source by id.</summary>
public sealed class GetSource(PtrackDbContext db)
{
    public async Task<Result<SourceDetail>> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return RecordReading.NotFound("source", id);
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == source.ProgrammeId)
            .Select(p => new ProgrammeRef(p.Id, p.Slug, p.Name)).FirstAsync(cancellationToken);
        var lines = source.Content is null ? [] : source.Content.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        return new SourceDetail(
            source.Id, programme, source.Title, source.Publisher, source.Url, source.FileName, source.PublishedOn,
            source.RetrievedAt, source.Sha256, source.Format, source.Kind, source.Reliability, source.Credibility,
            source.Version,
            source.PreviousVersionId is int previous && await db.Sources.AnyAsync(s => s.Id == previous, cancellationToken) ? previous : null,
            source.DataQualityFlags,
            Findings(source.IngestReportJson), await CitedByAsync(id, cancellationToken), await SharedPassagesAsync(id, cancellationToken), lines)
        {
            Revision = source.Revision,
            ReviewState = source.ReviewState,
            ReviewComment = source.ReviewComment,
        };
    }

    private async Task<List<SharedPassage>> SharedPassagesAsync(int sourceId, CancellationToken cancellationToken)
    {
        var repeats = await (
            from c in db.PassageCopies
            where c.SourceId == sourceId
            join other in db.Sources on c.CopyOfSourceId equals other.Id
            select new SharedPassage(c.LineStart, c.LineEnd, other.Id, other.Title, c.CopyOfLineStart, c.CopyOfLineEnd, c.Similarity, true))
            .AsNoTracking().ToListAsync(cancellationToken);
        var repeatedBy = await (
            from c in db.PassageCopies
            where c.CopyOfSourceId == sourceId
            join other in db.Sources on c.SourceId equals other.Id
            select new SharedPassage(c.CopyOfLineStart, c.CopyOfLineEnd, other.Id, other.Title, c.LineStart, c.LineEnd, c.Similarity, false))
            .AsNoTracking().ToListAsync(cancellationToken);
        return repeats.Concat(repeatedBy).OrderBy(p => p.LineStart).ThenBy(p => p.OtherSourceId).ToList();
    }

    private async Task<List<SourceCitation>> CitedByAsync(int sourceId, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.SourceId == sourceId)
            .OrderBy(e => e.LineStart).ThenBy(e => e.RecordType).ThenBy(e => e.RecordId)
            .Select(e => new { e.RecordType, e.RecordId, e.LineStart, e.LineEnd })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<(RecordType, int), string>();
        // An observation has no page of its own: it is cited through its indicator's page.
        var links = new Dictionary<int, int>();
        foreach (var group in evidence.GroupBy(e => e.RecordType))
        {
            var ids = group.Select(e => e.RecordId).Distinct().ToList();
            var found = group.Key switch
            {
                RecordType.Area => await db.Areas.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.Name)).ToListAsync(cancellationToken),
                RecordType.Achievement => await db.Achievements.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.Title)).ToListAsync(cancellationToken),
                RecordType.Challenge => await db.Challenges.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.Title)).ToListAsync(cancellationToken),
                RecordType.Initiative => await db.Initiatives.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.Name)).ToListAsync(cancellationToken),
                RecordType.Milestone => await db.Milestones.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.Title)).ToListAsync(cancellationToken),
                RecordType.Recommendation => await db.Recommendations.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.StrategicAction)).ToListAsync(cancellationToken),
                RecordType.Indicator => await db.Indicators.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.Name)).ToListAsync(cancellationToken),
                RecordType.Programme => await db.Programmes.Where(x => ids.Contains(x.Id)).Select(x => new RecordName(x.Id, x.Name)).ToListAsync(cancellationToken),
                RecordType.Observation => await ObservationNamesAsync(ids, links, cancellationToken),
                _ => [],
            };
            foreach (var record in found)
            {
                names[(group.Key, record.Id)] = record.Name;
            }
        }

        // Evidence whose record is gone (or of a type without a page) is left out rather than shown as a broken link.
        return evidence
            .Where(e => names.ContainsKey((e.RecordType, e.RecordId)))
            .Select(e => e.RecordType == RecordType.Observation
                ? new SourceCitation(RecordType.Indicator, links[e.RecordId], names[(e.RecordType, e.RecordId)], e.LineStart, e.LineEnd)
                : new SourceCitation(e.RecordType, e.RecordId, names[(e.RecordType, e.RecordId)], e.LineStart, e.LineEnd))
            .ToList();
    }

    /// <summary>Observations named as "indicator: value (period)"; <paramref name="links"/> receives each one's indicator id.</summary>
    private async Task<List<RecordName>> ObservationNamesAsync(List<int> ids, Dictionary<int, int> links, CancellationToken cancellationToken)
    {
        var observations = await db.Observations.Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.IndicatorId, Indicator = db.Indicators.Where(i => i.Id == o.IndicatorId).Select(i => i.Name).First(), o.Value, o.PeriodText })
            .ToListAsync(cancellationToken);
        foreach (var o in observations)
        {
            links[o.Id] = o.IndicatorId;
        }

        return observations
            .Select(o => new RecordName(o.Id, $"{o.Indicator}: {o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({o.PeriodText ?? "no period given"})"))
            .ToList();
    }

    private sealed record RecordName(int Id, string Name);

    /// <summary>Reads the ingest report written by the ingest handler: <c>removed</c> and <c>warnings</c> arrays.</summary>
    private static List<IngestFinding> Findings(string? reportJson)
    {
        var findings = new List<IngestFinding>();
        if (string.IsNullOrEmpty(reportJson))
        {
            return findings;
        }

        using var report = JsonDocument.Parse(reportJson);
        if (report.RootElement.TryGetProperty("removed", out var removed))
        {
            foreach (var item in removed.EnumerateArray())
            {
                findings.Add(new IngestFinding(true, Text(item, "reason") ?? "removed", Number(item, "line"), Number(item, "lineEnd"), Text(item, "text") ?? "", Number(item, "duplicateOf")));
            }
        }

        if (report.RootElement.TryGetProperty("warnings", out var warnings))
        {
            foreach (var item in warnings.EnumerateArray())
            {
                var line = Number(item, "line");
                findings.Add(new IngestFinding(false, Text(item, "code") ?? "warning", line, line, Text(item, "message") ?? "", null));
            }
        }

        return findings.OrderBy(f => f.Line ?? int.MaxValue).ThenBy(f => f.Removed ? 0 : 1).ToList();
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
