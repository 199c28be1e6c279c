using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Benchmarks.Formats;

/// <summary>
/// Ingest throughput per format on the same content: the example article as a report of about 1 MB of text
/// (see <see cref="ArticleFormats"/>), parsed from the file's bytes to blocks on one thread. The MB/s columns
/// divide the file's bytes, and the text it carries, by the mean time and by the fastest iteration's (MB = 10^6 bytes).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class FormatBenchmarks
{
    private FormatInput _input = null!;

    [ParamsSource(nameof(Formats))]
    public string Format { get; set; } = "text";

    public static IEnumerable<string> Formats => ArticleFormats.All;

    [GlobalSetup]
    public void Setup()
    {
        _input = ArticleFormats.Build(Format);
        var document = Parse();
        var blocks = document.Blocks.GroupBy(b => b.Type).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine(
            $"// {Format}: {_input.Bytes.Length:N0} file bytes, {_input.TextBytes:N0} text bytes, {_input.Copies} copies of the article -> " +
            string.Join(", ", blocks.OrderBy(b => b.Key).Select(b => $"{b.Value:N0} {b.Key}")));
    }

    [Benchmark]
    public ParsedDocument Parse()
    {
        var result = DocumentIngestor.Parse(_input.Name, _input.Bytes, ArticleFormats.Options);
        return result.Document ?? throw new InvalidOperationException(result.Failure!.Message);
    }

    /// <summary>Adds the MB/s columns, working the sizes out in the host process from the same deterministic inputs.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            static FormatInput Input(BenchmarkCase c) => ArticleFormats.Build((string)c.Parameters["Format"]);
            AddColumn(
                StatisticColumn.Min,
                new ThroughputColumn("file MB/s", c => Input(c).Bytes.Length),
                new ThroughputColumn("text MB/s", c => Input(c).TextBytes),
                new ThroughputColumn("text MB/s, fastest", c => Input(c).TextBytes, fastest: true));
        }
    }
}
