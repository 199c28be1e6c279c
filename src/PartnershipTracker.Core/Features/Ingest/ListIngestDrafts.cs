using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Core.Features.Ingest;

/// <summary>A document staged for review and not yet accepted or discarded.</summary>
/// <param name="Bytes">Size of the staged file in bytes.</param>
public sealed record IngestDraftRow(int Id, string Programme, string FileName, string Format, string? Title, DateTimeOffset StagedAt, int RecordCount, int WarningCount, long Bytes);

/// <summary>The drafts waiting for review, oldest first; all programmes unless one is named.</summary>
public sealed class ListIngestDrafts(PtrackDbContext db)
{
    public async Task<IReadOnlyList<IngestDraftRow>> HandleAsync(string? programmeSlug = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.IngestDrafts.AsNoTracking()
            .Join(db.Programmes, d => d.ProgrammeId, p => p.Id, (d, p) => new { d, p.Slug })
            .Where(x => programmeSlug == null || x.Slug == programmeSlug)
            .OrderBy(x => x.d.Id)
            .Select(x => new { Row = new IngestDraftRow(x.d.Id, x.Slug, x.d.FileName, x.d.Format, x.d.Title, x.d.StagedAt, x.d.RecordCount, x.d.WarningCount, x.d.Content.Length), x.d.Classification, x.d.ReleasableTo })
            .ToListAsync(cancellationToken);

        // A draft carries the marking its source will have; one the reader could not see is not listed (docs/adr/0016-markings.md).
        return rows.Where(r => db.Access.CanSee(r.Classification, r.ReleasableTo)).Select(r => r.Row).ToList();
    }
}
