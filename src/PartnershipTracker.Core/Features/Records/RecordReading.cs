using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>The programme a list belongs to, for headings and links.</summary>
public sealed record ProgrammeRef(int Id, string Slug, string Name);

/// <summary>All records of one type in one programme, in the order they were stored.</summary>
public sealed record RecordList<T>(ProgrammeRef Programme, IReadOnlyList<T> Items);

/// <summary>
/// One piece of evidence for a record: the quoted passage and where it is in its source.
/// <see cref="LineStart"/> is null for a source cited by URL only; lines count from 1 in the stored text.
/// </summary>
public sealed record EvidenceRow(int SourceId, string SourceTitle, int? LineStart, int? LineEnd, string Quote);

/// <summary>Reads shared by the record handlers of this folder: the programme of a list and the evidence of a record.</summary>
internal static class RecordReading
{
    /// <summary>The programme named by <paramref name="slug"/>, or the only one; fails as <see cref="ProgrammeLookup"/> does.</summary>
    public static async Task<Result<ProgrammeRef>> ProgrammeAsync(ProgrammeLookup programmes, string? slug, CancellationToken cancellationToken)
    {
        var found = await programmes.FindAsync(slug, cancellationToken);
        return found.Succeeded
            ? new ProgrammeRef(found.Value!.Id, found.Value.Slug, found.Value.Name)
            : found.Failure!;
    }

    /// <summary>The evidence of one record, by source and line.</summary>
    public static Task<List<EvidenceRow>> EvidenceAsync(PtrackDbContext db, RecordType type, int id, CancellationToken cancellationToken) =>
        db.Evidence.AsNoTracking()
            .Where(e => e.RecordType == type && e.RecordId == id)
            .OrderBy(e => e.SourceId).ThenBy(e => e.LineStart).ThenBy(e => e.Id)
            .Select(e => new EvidenceRow(e.SourceId, e.Source!.Title, e.LineStart, e.LineEnd, e.Quote))
            .ToListAsync(cancellationToken);

    public static Failure NotFound(string noun, int id) => Failure.NotFound($"{noun} {id} does not exist");
}
