using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>A source as listed: what it is, whether ingest flagged it, and how many passages of it are cited.</summary>
public sealed record SourceListItem(int Id, string Title, string? Publisher, SourceKind Kind, PartialDate? PublishedOn, string? Format, int Version, IReadOnlyList<string> DataQualityFlags, int Citations) : IRecordRow
{
    /// <summary>The classification label, e.g. "NATO RESTRICTED" (docs/adr/0016-markings.md); empty where a reader did not ask for it.</summary>
    public string Classification { get; init; } = "";

    /// <summary>The Releasable To entries, e.g. ["BIH", "NATO"]; empty when the record is restricted to no nation.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];

    /// <summary>The record's revision when read: its ETag.</summary>
    public int Revision { get; init; }

    /// <summary>Where the record stands in the review workflow (draft, submitted, approved, returned).</summary>
    public ReviewState ReviewState { get; init; } = ReviewState.Approved;

    /// <summary>The reviewer's comment when the record was returned; null otherwise.</summary>
    public string? ReviewComment { get; init; }

    public string? Url { get; init; }

    /// <summary>Admiralty reliability grade A–F, when graded.</summary>
    public char? Reliability { get; init; }

    /// <summary>Admiralty credibility grade 1–6, when graded.</summary>
    public int? Credibility { get; init; }
}

/// <summary>The sources of a programme. Filters: kind, q (title, publisher, URL). Sorts: id (default), title, publishedOn, kind.</summary>
public sealed class ListSources(PtrackDbContext db, ProgrammeLookup programmes)
{
    private readonly ListShape<Source, SourceListItem> _shape = new(
        "source",
        [
            SortField.Of<Source, int>("id", s => s.Id),
            SortField.Of<Source, string>("title", s => s.Title),
            SortField.Of<Source, PartialDate?>("publishedOn", s => s.PublishedOn),
            SortField.Of<Source, SourceKind>("kind", s => s.Kind),
        ],
        Filter,
        s => new SourceListItem(
            s.Id, s.Title, s.Publisher, s.Kind, s.PublishedOn, s.Format, s.Version, s.DataQualityFlags,
            // Only citations by records the reader may see count (a hidden record leaves no trace, not even in a number).
            db.Evidence.Count(e => e.SourceId == s.Id && (
                (e.RecordType == RecordType.Area && db.Areas.Any(r => r.Id == e.RecordId))
                || (e.RecordType == RecordType.Achievement && db.Achievements.Any(r => r.Id == e.RecordId))
                || (e.RecordType == RecordType.Challenge && db.Challenges.Any(r => r.Id == e.RecordId))
                || (e.RecordType == RecordType.Initiative && db.Initiatives.Any(r => r.Id == e.RecordId))
                || (e.RecordType == RecordType.Milestone && db.Milestones.Any(r => r.Id == e.RecordId))
                || (e.RecordType == RecordType.Recommendation && db.Recommendations.Any(r => r.Id == e.RecordId))
                || (e.RecordType == RecordType.Indicator && db.Indicators.Any(r => r.Id == e.RecordId))
                || (e.RecordType == RecordType.Observation && db.Observations.Any(r => r.Id == e.RecordId))
                || e.RecordType == RecordType.Programme)))
        { Revision = s.Revision, ReviewState = s.ReviewState, ReviewComment = s.ReviewComment, Classification = Markings.Label(s.Classification), ReleasableTo = Markings.ReleasableToEntries(s.ReleasableTo), Url = s.Url, Reliability = s.Reliability, Credibility = s.Credibility });

    public async Task<Result<RecordList<SourceListItem>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Sources.AsNoTracking().Where(s => s.ProgrammeId == id).OrderBy(s => s.Id)
            .Select(_shape.Row)
            .ToListAsync(cancellationToken);
        return new RecordList<SourceListItem>(found.Value, items);
    }

    /// <summary>One page of the sources <paramref name="query"/> selects; Invalid names the parameter at fault.</summary>
    public Task<Result<RecordPage<SourceListItem>>> HandleAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
        RecordLists.PageAsync(db, programmes, _shape, query, cancellationToken);

    /// <summary>One live source as lists show it (with its revision); NotFound when there is none.</summary>
    public Task<Result<SourceListItem>> GetRowAsync(int id, CancellationToken cancellationToken = default) =>
        RecordLists.RowAsync(db, _shape, id, cancellationToken);

    private static IQueryable<Source> Filter(IQueryable<Source> records, RecordQuery query, FieldErrors errors)
    {
        RecordLists.Unsupported(errors, query, "source", "area", "initiative", "status", "severity", "cycle");
        if (errors.Enum<SourceKind>("kind", query.Kind) is SourceKind kind)
        {
            records = records.Where(s => s.Kind == kind);
        }

        return RecordLists.Containing(records, query.Q, s => s.Title, s => s.Publisher, s => s.Url);
    }
}
