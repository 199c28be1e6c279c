using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;

namespace PartnershipTracker.Core.Features.Programmes;

/// <summary>The programmes, by slug; and one programme by id or slug (NotFound naming it otherwise).</summary>
public sealed class ListProgrammes(PtrackDbContext db)
{
    public async Task<IReadOnlyList<ProgrammeRow>> HandleAsync(CancellationToken cancellationToken = default) =>
        await db.Programmes.AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new ProgrammeRow(p.Id, p.Slug, p.Name, p.Alliance, p.PartnerIso3, p.Frameworks, p.ReviewCycle, p.Summary))
            .ToListAsync(cancellationToken);

    /// <param name="key">The programme's id (digits) or slug (any case).</param>
    public async Task<Result<ProgrammeRow>> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var all = await HandleAsync(cancellationToken);
        var found = int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? all.FirstOrDefault(p => p.Id == id)
            : all.FirstOrDefault(p => string.Equals(p.Slug, key, StringComparison.OrdinalIgnoreCase));
        return found is not null ? found : Failure.NotFound($"programme '{key}' does not exist");
    }
}
