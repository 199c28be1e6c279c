using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records;

/// <summary>An area with its other names and how many records of each type it holds.</summary>
public sealed record AreaListItem(int Id, string Name, MapChapter? Chapter, IReadOnlyList<string> Aliases, int Achievements, int Challenges, int Initiatives, int Recommendations, int Indicators);

/// <summary>The areas of a programme.</summary>
public sealed class ListAreas(PtrackDbContext db, ProgrammeLookup programmes)
{
    public async Task<Result<RecordList<AreaListItem>>> HandleAsync(string? programme, CancellationToken cancellationToken = default)
    {
        var found = await RecordReading.ProgrammeAsync(programmes, programme, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var id = found.Value!.Id;
        var items = await db.Areas.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.Id)
            .Select(a => new AreaListItem(
                a.Id, a.Name, a.Chapter,
                a.Aliases.Where(x => x.Name != a.Name).OrderBy(x => x.Name).Select(x => x.Name).ToList(),
                db.Achievements.Count(x => x.AreaId == a.Id),
                db.Challenges.Count(x => x.AreaId == a.Id),
                db.Initiatives.Count(x => x.AreaId == a.Id),
                db.Recommendations.Count(x => x.AreaId == a.Id),
                db.Indicators.Count(x => x.AreaId == a.Id)))
            .ToListAsync(cancellationToken);
        return new RecordList<AreaListItem>(found.Value, items);
    }
}
