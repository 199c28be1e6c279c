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
            db.Evidence.Count(e => e.SourceId == s.Id))
        { Revision = s.Revision, ReviewState = s.ReviewState, ReviewComment = s.ReviewComment, Url = s.Url, Reliability = s.Reliability, Credibility = s.Credibility });

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
