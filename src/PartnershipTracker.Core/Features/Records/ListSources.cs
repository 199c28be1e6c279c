using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>A source as listed: what it is, whether ingest flagged it, and how many passages of it are cited.</summary>
public sealed record SourceListItem(int Id, string Title, string? Publisher, SourceKind Kind, PartialDate? PublishedOn, string? Format, int Version, IReadOnlyList<string> DataQualityFlags, int Citations);

/// <summary>The sources of a programme.</summary>
public sealed class ListSources(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<SourceListItem>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Sources.AsNoTracking().Where(s => s.ProgrammeId == id).OrderBy(s => s.Id)
            .Select(s => new SourceListItem(
                s.Id, s.Title, s.Publisher, s.Kind, s.PublishedOn, s.Format, s.Version, s.DataQualityFlags,
                db.Evidence.Count(e => e.SourceId == s.Id)))
            .ToListAsync(cancellationToken);
        return new RecordList<SourceListItem>(found.Value, items);
    }
}
