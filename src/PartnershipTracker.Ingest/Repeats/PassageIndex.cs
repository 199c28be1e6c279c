using System.Runtime.InteropServices;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Repeats;

/// <summary>
/// A passage of <see cref="Document"/> (lines <see cref="Line"/> to <see cref="LineEnd"/>) that repeats a passage
/// of <see cref="OtherDocument"/>, exactly or with small edits.
/// </summary>
/// <param name="Similarity">Estimated Jaccard similarity of the two passages' word-shingle sets, from
/// <see cref="RepeatOptions.Threshold"/> to 1 (see <see cref="PassageSigner.EstimateSimilarity"/>).</param>
public sealed record RepeatLink(
    string Document,
    int Line,
    int LineEnd,
    string OtherDocument,
    int OtherLine,
    int OtherLineEnd,
    double Similarity);

/// <summary>A document's key and the signatures of its passages, as <see cref="PassageSigner.Sign(ParsedDocument)"/> made them (or as loaded from storage).</summary>
public sealed record SignedDocument(string Document, IReadOnlyList<PassageSignature> Passages);

/// <summary>
/// Passages of many documents, indexed by LSH band key, to find which passages of a document recur in the
/// others. In memory; a caller that keeps signatures in a database either reloads them with
/// <see cref="Add"/> or runs the same lookup in SQL: passages sharing any band key with the new
/// passage, then <see cref="PassageSigner.EstimateSimilarity"/> ≥ <see cref="RepeatOptions.Threshold"/>.
/// </summary>
/// <remarks>
/// Finds pairs in different documents only (repeats inside one document are <c>RepeatDetector</c>'s work
/// during ingest). A candidate pair shares at least one band key; it is a repeat when its estimated similarity
/// reaches the threshold. A pair of true similarity s is missed with probability (1 − s^r)^b for b bands of
/// r rows (see <see cref="RepeatOptions.Bands"/>). A passage found in n documents gives n(n − 1)/2 pairs.
/// Not thread-safe for writing; <see cref="Find"/> may run on many threads while nothing is added.
/// </remarks>
public sealed class PassageIndex
{
    private readonly RepeatOptions _options;
    private readonly List<string> _documents = [];
    private readonly Dictionary<string, int> _documentIds = new(StringComparer.Ordinal);
    private readonly List<(int Document, PassageSignature Passage)> _passages = [];

    // Buckets as chains: _heads[key] is the last entry with that band key, _next[entry] the one before it
    // (or -1). Entry e is band e % Bands of passage e / Bands, so no entry stores more than one int.
    private readonly Dictionary<ulong, int> _heads = [];
    private readonly List<int> _next = [];

    /// <exception cref="ArgumentException"><paramref name="options"/> fails <see cref="RepeatOptions.Validate"/>.</exception>
    public PassageIndex(RepeatOptions? options = null)
    {
        _options = options ?? new RepeatOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(' ', errors), nameof(options));
        }
    }

    /// <summary>Documents added (each key counted once).</summary>
    public int DocumentCount => _documents.Count;

    /// <summary>Passages added, over all documents.</summary>
    public int PassageCount => _passages.Count;

    /// <summary>
    /// The passages of <paramref name="document"/> that repeat a passage of a document already in the index;
    /// then adds <paramref name="passages"/> under <paramref name="document"/>. Adding to a key already in the
    /// index adds passages to it, and never links a document to itself.
    /// </summary>
    /// <returns>One link per pair of passages, in the order of <paramref name="passages"/>, then of adding the other passage.</returns>
    /// <exception cref="ArgumentException">A signature is not of this index's scheme (wrong length).</exception>
    public IReadOnlyList<RepeatLink> Add(string document, IReadOnlyList<PassageSignature> passages)
    {
        var links = Find(document, passages);
        Insert(document, passages);
        return links;
    }

    /// <summary>Like <see cref="Add"/>, but the index is left as it was.</summary>
    public IReadOnlyList<RepeatLink> Find(string document, IReadOnlyList<PassageSignature> passages)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        var self = _documentIds.GetValueOrDefault(document, -1);
        return Lookup(document, self, passages, _passages.Count);
    }

    /// <summary>
    /// Every pair of repeated passages in different documents of <paramref name="documents"/>: signs each
    /// document's passages (on all cores), then indexes and looks them up.
    /// </summary>
    /// <param name="documents">Key and parsed document; keys are what the links name.</param>
    /// <returns>Each pair once, with <see cref="RepeatLink.Document"/> the later of the two in <paramref name="documents"/>.</returns>
    public static IReadOnlyList<RepeatLink> FindAll(IReadOnlyList<KeyValuePair<string, ParsedDocument>> documents, RepeatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var signer = new PassageSigner(options);
        var signed = new SignedDocument[documents.Count];
        Parallel.For(0, documents.Count, i => signed[i] = new SignedDocument(documents[i].Key, signer.Sign(documents[i].Value)));
        return FindAll(signed, signer.Options);
    }

    /// <summary>Every pair of repeated passages in different documents, from signatures made earlier (e.g. loaded from storage).</summary>
    /// <returns>Each pair once, with <see cref="RepeatLink.Document"/> the later of the two in <paramref name="documents"/>.</returns>
    public static IReadOnlyList<RepeatLink> FindAll(IReadOnlyList<SignedDocument> documents, RepeatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var index = new PassageIndex(options);
        index.EnsureCapacity(documents.Sum(d => d.Passages.Count));
        var starts = new int[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            starts[i] = index._passages.Count;
            index.Insert(documents[i].Document, documents[i].Passages);
        }

        // Each document looks only at passages added before its own, so every pair is found once, as Add would find it.
        var found = new IReadOnlyList<RepeatLink>[documents.Count];
        Parallel.For(0, documents.Count, i =>
            found[i] = index.Lookup(documents[i].Document, index._documentIds[documents[i].Document], documents[i].Passages, starts[i]));
        return found.SelectMany(links => links).ToList();
    }

    /// <summary>Makes room for <paramref name="passages"/> passages in all, so that adding them allocates nothing more.</summary>
    public void EnsureCapacity(int passages)
    {
        _passages.EnsureCapacity(passages);
        _next.EnsureCapacity(passages * _options.Bands);
        _heads.EnsureCapacity(passages * _options.Bands);
    }

    private void Insert(string document, IReadOnlyList<PassageSignature> passages)
    {
        if (!_documentIds.TryGetValue(document, out var id))
        {
            id = _documents.Count;
            _documents.Add(document);
            _documentIds.Add(document, id);
        }

        foreach (var passage in passages)
        {
            CheckScheme(passage);
            var entry = _passages.Count * _options.Bands;
            _passages.Add((id, passage));
            foreach (var key in passage.BandKeys)
            {
                ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_heads, key, out var exists);
                _next.Add(exists ? head : -1);
                head = entry++;
            }
        }
    }

    /// <param name="self">The document's id, or -1 if it is not in the index.</param>
    /// <param name="before">Only passages added before this one are looked at.</param>
    private List<RepeatLink> Lookup(string document, int self, IReadOnlyList<PassageSignature> passages, int before)
    {
        var links = new List<RepeatLink>();
        var seen = new HashSet<int>();
        var matches = new List<(int Passage, double Similarity)>();
        foreach (var passage in passages)
        {
            CheckScheme(passage);
            seen.Clear();
            matches.Clear();
            foreach (var key in passage.BandKeys)
            {
                if (!_heads.TryGetValue(key, out var entry))
                {
                    continue;
                }

                // Chains run from the newest entry back, so entries not yet "before" are skipped first.
                for (; entry >= 0; entry = _next[entry])
                {
                    var other = entry / _options.Bands;
                    if (other >= before || !seen.Add(other) || _passages[other].Document == self)
                    {
                        continue;
                    }

                    var similarity = PassageSigner.EstimateSimilarity(passage.MinHash, _passages[other].Passage.MinHash);
                    if (similarity >= _options.Threshold)
                    {
                        matches.Add((other, similarity));
                    }
                }
            }

            matches.Sort((a, b) => a.Passage.CompareTo(b.Passage));
            foreach (var (other, similarity) in matches)
            {
                var (otherDocument, otherPassage) = _passages[other];
                links.Add(new RepeatLink(
                    document, passage.Line, passage.LineEnd, _documents[otherDocument], otherPassage.Line, otherPassage.LineEnd, similarity));
            }
        }

        return links;
    }

    private void CheckScheme(PassageSignature passage)
    {
        if (passage.MinHash.Length != _options.HashCount || passage.BandKeys.Length != _options.Bands)
        {
            throw new ArgumentException(
                $"A signature of {passage.MinHash.Length} values and {passage.BandKeys.Length} band keys is not of the scheme {_options.Scheme}.",
                nameof(passage));
        }
    }
}
