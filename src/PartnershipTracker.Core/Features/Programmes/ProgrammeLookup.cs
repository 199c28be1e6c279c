using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Programmes;

/// <summary>Finds the programme a command is about.</summary>
public sealed class ProgrammeLookup(PtrackDbContext db)
{
    /// <summary>
    /// The programme with <paramref name="slug"/>; with no slug, the only programme there is.
    /// Fails with <see cref="FailureKind.NotFound"/> naming the slug and the slugs that exist.
    /// </summary>
    public async Task<Result<Programme>> FindAsync(string? slug, CancellationToken cancellationToken = default)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Slug).ToListAsync(cancellationToken);
        if (slug is null)
        {
            return programmes.Count switch
            {
                1 => programmes[0],
                0 => Failure.NotFound("there is no programme yet"),
                _ => Failure.Invalid($"there are {programmes.Count} programmes; name one (--programme on the command line, ?programme= on the web and API): {string.Join(", ", programmes.Select(p => p.Slug))}", "programme"),
            };
        }

        var found = programmes.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase));
        return found is not null
            ? found
            : Failure.NotFound($"programme '{slug}' does not exist; known programmes: {string.Join(", ", programmes.Select(p => p.Slug))}");
    }

    /// <summary>Every programme as (slug, name), by slug: for a choice in a form.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name)>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Programmes.AsNoTracking().OrderBy(p => p.Slug).Select(p => new { p.Slug, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Slug, p.Name)).ToList();
}
