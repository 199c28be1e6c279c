using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Ingest.Repeats;

namespace PartnershipTracker.Core.Ingest.Repeats;

/// <summary>A passage of the document being ingested (lines <see cref="Line"/>–<see cref="LineEnd"/>) that a stored source also has.</summary>
/// <param name="Similarity">Estimated Jaccard similarity of the two passages' word-shingle sets (0.8 to 1 with the default threshold).</param>
public sealed record PassageCopyFound(int Line, int LineEnd, int SourceId, string SourceTitle, int SourceLine, int SourceLineEnd, double Similarity);

/// <summary>
/// Passages that recur across the stored sources of a programme (issue 3, item 7), found with the MinHash
/// signatures and LSH band keys of <see cref="PassageSigner"/>: a new document's band keys are looked up in the
/// <c>PassageBands</c> index, candidates compared by signature, and pairs at or above the threshold kept.
/// Earlier versions of the same file, and sources that have a newer version, are not compared.
/// </summary>
public sealed class CrossSourceRepeats(PtrackDbContext db, PassageSigner signer)
{
    /// <summary>Band keys per query: well under SQLite's limit of bound parameters.</summary>
    private const int KeysPerQuery = 500;

    /// <summary>The signatures of <paramref name="document"/>'s passages long enough to compare.</summary>
    public IReadOnlyList<PassageSignature> Sign(ParsedDocument document) => signer.Sign(document);

    /// <summary>
    /// The stored passages that <paramref name="passages"/> repeat, best match per passage and source, in line order.
    /// </summary>
    /// <param name="fileName">The document's file name: stored versions of the same file are not its copies.</param>
    public async Task<IReadOnlyList<PassageCopyFound>> FindAsync(int programmeId, string fileName, IReadOnlyList<PassageSignature> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var owners = new Dictionary<long, List<int>>();
        for (var i = 0; i < passages.Count; i++)
        {
            foreach (var key in passages[i].BandKeys)
            {
                var stored = unchecked((long)key);
                if (!owners.TryGetValue(stored, out var list))
                {
                    owners[stored] = list = [];
                }

                list.Add(i);
            }
        }

        var pairs = new HashSet<(int Passage, int Stored)>();
        var storedPassages = new Dictionary<int, (int SourceId, string Title, int Line, int LineEnd)>();
        foreach (var chunk in owners.Keys.Chunk(KeysPerQuery))
        {
            var hits = await (
                from band in db.PassageBands
                where chunk.Contains(band.BandKey)
                join passage in db.SourcePassages on band.PassageId equals passage.Id
                join source in db.Sources on passage.SourceId equals source.Id
                where source.ProgrammeId == programmeId && source.FileName != fileName && !db.Sources.Any(newer => newer.PreviousVersionId == source.Id)
                select new { band.BandKey, passage.Id, passage.SourceId, source.Title, passage.LineStart, passage.LineEnd })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            foreach (var hit in hits)
            {
                storedPassages[hit.Id] = (hit.SourceId, hit.Title, hit.LineStart, hit.LineEnd);
                foreach (var owner in owners[hit.BandKey])
                {
                    pairs.Add((owner, hit.Id));
                }
            }
        }

        var signatures = new Dictionary<int, byte[]>();
        foreach (var chunk in storedPassages.Keys.Chunk(KeysPerQuery))
        {
            foreach (var row in await db.SourcePassages.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.MinHash }).ToListAsync(cancellationToken))
            {
                signatures[row.Id] = row.MinHash;
            }
        }

        var best = new Dictionary<(int Passage, int SourceId), PassageCopyFound>();
        foreach (var (index, storedId) in pairs)
        {
            var similarity = PassageSigner.EstimateSimilarity(passages[index].MinHash, MemoryMarshal.Cast<byte, ulong>(signatures[storedId]));
            if (similarity < signer.Options.Threshold)
            {
                continue;
            }

            var stored = storedPassages[storedId];
            var found = new PassageCopyFound(passages[index].Line, passages[index].LineEnd, stored.SourceId, stored.Title, stored.Line, stored.LineEnd, similarity);
            if (!best.TryGetValue((index, stored.SourceId), out var previous) || similarity > previous.Similarity
                || (similarity == previous.Similarity && found.SourceLine < previous.SourceLine))
            {
                best[(index, stored.SourceId)] = found;
            }
        }

        return best.Values.OrderBy(c => c.Line).ThenBy(c => c.SourceId).ToList();
    }

    /// <summary>Stores the signatures of a newly stored source's passages, and the copies found, in the caller's transaction.</summary>
    public async Task AddAsync(int sourceId, IReadOnlyList<PassageSignature> passages, IReadOnlyList<PassageCopyFound> copies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(copies);
        var rows = passages.Select(p => new SourcePassage
        {
            SourceId = sourceId,
            LineStart = p.Line,
            LineEnd = p.LineEnd,
            MinHash = MemoryMarshal.AsBytes(p.MinHash.AsSpan()).ToArray(),
        }).ToList();
        db.SourcePassages.AddRange(rows);
        db.PassageCopies.AddRange(copies.Select(c => new PassageCopy
        {
            SourceId = sourceId,
            LineStart = c.Line,
            LineEnd = c.LineEnd,
            CopyOfSourceId = c.SourceId,
            CopyOfLineStart = c.SourceLine,
            CopyOfLineEnd = c.SourceLineEnd,
            Similarity = c.Similarity,
        }));
        await db.SaveChangesAsync(cancellationToken);

        // A passage's band keys can coincide (two bands hashing alike); the index needs each once.
        db.PassageBands.AddRange(rows.Zip(passages).SelectMany(pair =>
            pair.Second.BandKeys.Select(key => unchecked((long)key)).Distinct().Select(key => new PassageBand { BandKey = key, PassageId = pair.First.Id })));
        await db.SaveChangesAsync(cancellationToken);
    }
}
