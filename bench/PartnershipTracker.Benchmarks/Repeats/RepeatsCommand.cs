using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Ingest.Repeats;

namespace PartnershipTracker.Benchmarks.Repeats;

/// <summary>
/// <c>repeats [--documents 10000] [--seed 20261129] [--runs 3] [--bands 32] [--wrap]</c>: cross-document repeat detection
/// over a <see cref="SyntheticCorpus"/>, timed with a stopwatch (one pass is tens of seconds, so BenchmarkDotNet's
/// repetitions would add nothing but time). Each run parses every document (<see cref="DocumentIngestor"/>),
/// signs its passages and finds every pair (<see cref="PassageIndex.FindAll(IReadOnlyList{SignedDocument}, RepeatOptions?)"/>),
/// using all cores; each step's wall-clock and CPU time are printed (on a machine shared with other work, CPU time
/// is the steadier figure, though it too is inflated by cache contention). Then the pairs found are checked against the planted ones and against the exact Jaccard
/// similarity of the passages' shingle sets, so recall and precision are measured, not assumed.
/// </summary>
public static class RepeatsCommand
{
    private static readonly double[] RecallLevels = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    public static int Run(string[] args)
    {
        var documents = Option(args, "--documents", 10_000);
        var seed = Option(args, "--seed", 20261129);
        var runs = Option(args, "--runs", 3);
        var options = new RepeatOptions { Bands = Option(args, "--bands", 32) };

        var clock = Stopwatch.StartNew();
        var wrap = args.Contains("--wrap");
        var corpus = SyntheticCorpus.Generate(documents, seed, wrap);
        var bytes = corpus.Documents.Select(Encoding.UTF8.GetBytes).ToArray();
        var totalBytes = bytes.Sum(b => (long)b.Length);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"corpus: {documents:N0} documents, {totalBytes / 1e6:N1} MB ({totalBytes / documents:N0} bytes each on average), seed {seed}, " +
            $"{corpus.Planted.Count:N0} planted passages in {corpus.Planted.Sum(p => p.Copies.Count):N0} copies, paragraphs {(wrap ? "hard-wrapped" : "one line each")}; " +
            $"generated in {clock.Elapsed.TotalSeconds:N1} s"));
        Console.WriteLine($"options: {options.Scheme}; threshold {options.Threshold}; minimum {options.MinimumWords} words; {Environment.ProcessorCount} cores; Vector512 {(Vector512.IsHardwareAccelerated ? "on" : "off")}");

        ParsedDocument[] parsed = [];
        SignedDocument[] signed = [];
        IReadOnlyList<RepeatLink> links = [];
        var process = Process.GetCurrentProcess();
        for (var run = 1; run <= runs; run++)
        {
            var (parse, parseCpu) = Timed(process, () =>
            {
                parsed = new ParsedDocument[documents];
                Parallel.For(0, documents, i => parsed[i] = DocumentIngestor.Parse($"doc-{i}.txt", bytes[i], new IngestOptions()).Document!);
            });
            var (sign, signCpu) = Timed(process, () =>
            {
                var signer = new PassageSigner(options);
                signed = new SignedDocument[documents];
                Parallel.For(0, documents, i => signed[i] = new SignedDocument(Key(i), signer.Sign(parsed[i])));
            });
            var (find, findCpu) = Timed(process, () => links = PassageIndex.FindAll(signed, options));

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {run}: parse {parse:N2} s (CPU {parseCpu:N2}), sign {sign:N2} s (CPU {signCpu:N2}; {signed.Sum(s => s.Passages.Count):N0} passages), " +
                $"index and find {find:N2} s (CPU {findCpu:N2}); " +
                $"repeats {sign + find:N2} s (CPU {signCpu + findCpu:N2} s), with parsing {parse + sign + find:N2} s (CPU {parseCpu + signCpu + findCpu:N2} s); {links.Count:N0} pairs"));
        }

        // Candidate pairs: passages of different documents sharing a band key, each pair counted once per shared key.
        var candidates = signed.SelectMany((d, i) => d.Passages.SelectMany(p => p.BandKeys.Select(k => (Key: k, Document: i))))
            .GroupBy(e => e.Key)
            .Sum(g => { var n = (long)g.Count(); var same = g.GroupBy(e => e.Document).Sum(d => (long)d.Count() * (d.Count() - 1) / 2); return (n * (n - 1) / 2) - same; });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate pairs (sharing a band key, counted per key): {candidates:N0}"));
        Evaluate(corpus, parsed, links, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB"));
        return 0;
    }

    /// <summary>Wall-clock and CPU seconds (all threads of the process, user and kernel) of <paramref name="work"/>.</summary>
    private static (double Wall, double Cpu) Timed(Process process, Action work)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        work();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static string Key(int document) => string.Create(CultureInfo.InvariantCulture, $"doc-{document}");

    private static void Evaluate(SyntheticCorpus corpus, ParsedDocument[] parsed, IReadOnlyList<RepeatLink> links, RepeatOptions options)
    {
        var passages = parsed.Select(d => Passage.In(d).ToDictionary(p => p.Line)).ToArray();

        // Planted pairs: every two copies of a passage, by (earlier document, line, later document, line).
        var planted = new Dictionary<(int, int, int, int), double>();
        var lost = 0;
        foreach (var passage in corpus.Planted)
        {
            lost += passage.Copies.Count(c => !passages[c.Document].ContainsKey(c.Line));
            foreach (var a in passage.Copies)
            {
                foreach (var b in passage.Copies.Where(b => b.Document > a.Document))
                {
                    planted[(a.Document, a.Line, b.Document, b.Line)] = Jaccard(a.Text, b.Text, options.ShingleWords);
                }
            }
        }

        foreach (var copy in corpus.Planted.SelectMany(p => p.Copies).Where(c => !passages[c.Document].ContainsKey(c.Line)).Take(3))
        {
            var near = passages[copy.Document].Values.Where(p => p.Line <= copy.Line && copy.Line <= p.LineEnd).Select(p => $"{p.Kind} {p.Line}-{p.LineEnd}");
            Console.WriteLine($"not a passage: doc-{copy.Document} line {copy.Line} (\"{copy.Text[..40]}…\"); parsed as: {string.Join(", ", near.DefaultIfEmpty("nothing"))}; blocks there: " +
                string.Join(", ", parsed[copy.Document].Blocks.Where(b => Math.Abs(b.Line - copy.Line) <= 2).Select(b => $"{b.Type} {b.Line}")));
        }

        var found = links.ToDictionary(l => (Index(l.OtherDocument), l.OtherLine, Index(l.Document), l.Line), l => l.Similarity);
        var above = planted.Where(p => p.Value >= options.Threshold).ToList();
        var foundAbove = above.Count(p => found.ContainsKey(p.Key));
        var foundBelow = planted.Count(p => p.Value < options.Threshold && found.ContainsKey(p.Key));
        var foundPlanted = found.Keys.Count(planted.ContainsKey);
        var others = found.Keys.Where(k => !planted.ContainsKey(k))
            .Select(k => Jaccard(passages[k.Item1][k.Item2].Text, passages[k.Item3][k.Item4].Text, options.ShingleWords))
            .ToList();
        var errors = found.Where(f => planted.ContainsKey(f.Key)).Select(f => Math.Abs(f.Value - planted[f.Key])).DefaultIfEmpty().Average();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            planted pairs: {planted.Count:N0}; with exact Jaccard >= {options.Threshold}: {above.Count:N0}; planted copies not recovered as a passage by parsing: {lost}
            found: {links.Count:N0} pairs; planted {foundPlanted:N0}; not planted {others.Count:N0} (exact Jaccard >= {options.Threshold}: {others.Count(j => j >= options.Threshold)})
            recall (planted pairs with exact Jaccard >= {options.Threshold} found): {foundAbove:N0} / {above.Count:N0} = {(double)foundAbove / Math.Max(1, above.Count):P2}
            recall by exact Jaccard of the planted pair: {string.Join("; ", RecallLevels.Select(lo => Recall(planted, found, lo)))}
            recall over all planted pairs: {foundPlanted:N0} / {planted.Count:N0} = {(double)foundPlanted / Math.Max(1, planted.Count):P2} (planted pairs below the threshold found: {foundBelow:N0})
            precision (found pairs with exact Jaccard >= {options.Threshold}): {foundAbove + others.Count(j => j >= options.Threshold):N0} / {links.Count:N0} = {(double)(foundAbove + others.Count(j => j >= options.Threshold)) / Math.Max(1, links.Count):P2}
            mean |estimated - exact| similarity of planted pairs found: {errors:N3}
            """));
    }

    private static string Recall(Dictionary<(int, int, int, int), double> planted, Dictionary<(int, int, int, int), double> found, double from)
    {
        var pairs = planted.Where(p => p.Value >= from).ToList();
        return string.Create(CultureInfo.InvariantCulture, $">= {from:0.00}: {pairs.Count(p => found.ContainsKey(p.Key)):N0}/{pairs.Count:N0}");
    }

    private static int Index(string key) => int.Parse(key.AsSpan(4), CultureInfo.InvariantCulture);

    /// <summary>Exact Jaccard similarity of two texts' shingle sets, with the library's own normalisation and hashes.</summary>
    private static double Jaccard(string a, string b, int k)
    {
        static HashSet<ulong> Set(string text, int k)
        {
            var words = new List<ulong>();
            var shingles = new List<ulong>();
            Shingles.WordHashes(text, words);
            Shingles.ShingleHashes(words, k, shingles);
            return [.. shingles];
        }

        var (x, y) = (Set(a, k), Set(b, k));
        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
