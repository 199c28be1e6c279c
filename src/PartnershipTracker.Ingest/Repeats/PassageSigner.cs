using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Repeats;

/// <summary>
/// What a caller stores for one passage to find its repeats later: where it is, its MinHash signature and
/// its LSH band keys. Plain arrays of <see cref="ulong"/>, the same in every process and on every machine for
/// the same text and <see cref="RepeatOptions.Scheme"/> (a database without unsigned 64-bit integers stores
/// <c>unchecked((long)value)</c>).
/// </summary>
/// <param name="Line">First line of the passage in its document.</param>
/// <param name="LineEnd">Last line of the passage.</param>
/// <param name="MinHash"><see cref="RepeatOptions.HashCount"/> values: for each hash function, the least hash of any of the passage's shingles.</param>
/// <param name="BandKeys"><see cref="RepeatOptions.Bands"/> values, one per band; the band's index is hashed in,
/// so keys of different bands never need telling apart and one indexed column holds them all. Two passages
/// are candidates when they share any band key.</param>
public sealed record PassageSignature(int Line, int LineEnd, ulong[] MinHash, ulong[] BandKeys);

/// <summary>
/// Computes MinHash signatures and LSH band keys of passages (Broder 1997, "On the resemblance and
/// containment of documents"; banding as in Leskovec, Rajaraman and Ullman, <i>Mining of Massive Datasets</i>,
/// ch. 3). The fraction of equal values in two signatures estimates the Jaccard similarity of the two
/// passages' sets of word shingles. Thread-safe: one instance can sign from many threads.
/// </summary>
/// <remarks>
/// Hash function i is h_i(x) = fmix64(x ⊕ s_i), with the s_i drawn from SplitMix64 seeded with
/// <see cref="RepeatOptions.Seed"/>; fmix64 is a bijection, so each h_i permutes the 64-bit shingle hashes.
/// A band key is the fmix64 chain of the band's index and its rows' values.
/// </remarks>
public sealed class PassageSigner
{
    private readonly ulong[] _seeds;
    private readonly ulong _bandSalt;

    /// <exception cref="ArgumentException"><paramref name="options"/> fails <see cref="RepeatOptions.Validate"/>.</exception>
    public PassageSigner(RepeatOptions? options = null)
    {
        Options = options ?? new RepeatOptions();
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(' ', errors), nameof(options));
        }

        var state = Options.Seed;
        _seeds = new ulong[Options.HashCount];
        for (var i = 0; i < _seeds.Length; i++)
        {
            _seeds[i] = Shingles.SplitMix64(ref state);
        }

        _bandSalt = Shingles.SplitMix64(ref state);
    }

    public RepeatOptions Options { get; }

    /// <summary>Signatures of the passages of <paramref name="document"/> (see <see cref="Passage.In"/>) that have at least <see cref="RepeatOptions.MinimumWords"/> words, in reading order.</summary>
    public IReadOnlyList<PassageSignature> Sign(ParsedDocument document)
    {
        var words = new List<ulong>();
        var shingles = new List<ulong>();
        var signatures = new List<PassageSignature>();
        foreach (var passage in Passage.In(document))
        {
            if (Sign(passage, words, shingles) is { } signature)
            {
                signatures.Add(signature);
            }
        }

        return signatures;
    }

    /// <summary>The signature of one passage, or null when it has fewer than <see cref="RepeatOptions.MinimumWords"/> words.</summary>
    public PassageSignature? Sign(Passage passage) => Sign(passage, [], []);

    /// <summary>The MinHash signature of any text (no minimum length); all values <see cref="ulong.MaxValue"/> when it has no words.</summary>
    public ulong[] MinHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ulong>();
        var shingles = new List<ulong>();
        Shingles.WordHashes(text, words);
        Shingles.ShingleHashes(words, Options.ShingleWords, shingles);
        return MinHash(shingles);
    }

    /// <summary>The <see cref="RepeatOptions.Bands"/> band keys of a signature.</summary>
    /// <exception cref="ArgumentException">The signature is not <see cref="RepeatOptions.HashCount"/> long.</exception>
    public ulong[] BandKeys(ReadOnlySpan<ulong> minHash)
    {
        CheckLength(minHash, nameof(minHash));
        var rows = Options.RowsPerBand;
        var keys = new ulong[Options.Bands];
        for (var band = 0; band < keys.Length; band++)
        {
            var key = Shingles.Mix(_bandSalt ^ (ulong)band);
            foreach (var value in minHash.Slice(band * rows, rows))
            {
                key = Shingles.Mix(key ^ value);
            }

            keys[band] = key;
        }

        return keys;
    }

    /// <summary>
    /// The estimated Jaccard similarity of two passages: the fraction of positions at which their signatures
    /// are equal, from 0 to 1. Its standard error is √(s(1 − s)/n) for true similarity s and n hash functions.
    /// </summary>
    /// <exception cref="ArgumentException">The signatures differ in length or are empty.</exception>
    public static double EstimateSimilarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException($"Signatures of different schemes cannot be compared ({a.Length} and {b.Length} values).", nameof(b));
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Length;
    }

    /// <summary>The vectorised and the scalar loop give the same values; this one always takes the scalar loop (for tests).</summary>
    internal ulong[] MinHashScalar(List<ulong> shingles)
    {
        var signature = new ulong[_seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < signature.Length; i++)
            {
                var value = Shingles.Mix(shingle ^ _seeds[i]);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        return signature;
    }

    // Fully optimised from the first call: a cold process signs thousands of passages before tiering would get here.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal ulong[] MinHash(List<ulong> shingles)
    {
        if (!Vector512.IsHardwareAccelerated || _seeds.Length % Vector512<ulong>.Count != 0)
        {
            return MinHashScalar(shingles);
        }

        var signature = new ulong[_seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        var c1 = Vector512.Create(0xff51afd7ed558ccdUL);
        var c2 = Vector512.Create(0xc4ceb9fe1a85ec53UL);
        foreach (var shingle in shingles)
        {
            var x = Vector512.Create(shingle);
            for (var i = 0; i < signature.Length; i += Vector512<ulong>.Count)
            {
                var value = Vector512.LoadUnsafe(ref _seeds[i]) ^ x;
                value ^= Vector512.ShiftRightLogical(value, 33);
                value *= c1;
                value ^= Vector512.ShiftRightLogical(value, 33);
                value *= c2;
                value ^= Vector512.ShiftRightLogical(value, 33);
                Vector512.Min(Vector512.LoadUnsafe(ref signature[i]), value).StoreUnsafe(ref signature[i]);
            }
        }

        return signature;
    }

    private PassageSignature? Sign(Passage passage, List<ulong> words, List<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(passage);
        words.Clear();
        Shingles.WordHashes(passage.Text, words);
        if (words.Count < Options.MinimumWords)
        {
            return null;
        }

        Shingles.ShingleHashes(words, Options.ShingleWords, shingles);
        var minHash = MinHash(shingles);
        return new PassageSignature(passage.Line, passage.LineEnd, minHash, BandKeys(minHash));
    }

    private void CheckLength(ReadOnlySpan<ulong> minHash, string name)
    {
        if (minHash.Length != _seeds.Length)
        {
            throw new ArgumentException($"A signature of this scheme has {_seeds.Length} values, not {minHash.Length}.", name);
        }
    }
}
