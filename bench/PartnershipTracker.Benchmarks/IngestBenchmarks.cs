using System.Text;
using BenchmarkDotNet.Attributes;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Benchmarks;

/// <summary>
/// Ingest throughput on plain text: the example article repeated to about 10 MB, once verbatim (every
/// copy after the first is a repeat and is removed) and once with each copy made distinct (every copy
/// is recovered and mapped). Throughput = document bytes / mean time, one core.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private const int TargetBytes = 10 * 1024 * 1024;
    private static readonly IngestOptions Options = new() { KnownHeaders = MappingRules.Default.KnownHeaders, MaxFileBytes = 64L * 1024 * 1024 };
    private readonly RecordMapper _mapper = new(MappingRules.Default);
    private byte[] _repeated = [];
    private byte[] _distinct = [];

    [GlobalSetup]
    public void Setup()
    {
        var article = Encoding.UTF8.GetString(ExampleProgramme.ReadArticle());
        _repeated = Build(article, _ => article);
        // Each copy differs in every line, so no copy repeats another: the whole text is recovered.
        _distinct = Build(article, i => string.Join('\n', article.Split('\n').Select(line => line.Length == 0 ? line : $"{line} (copy {i})")));
        Console.WriteLine($"// repeated: {_repeated.Length:N0} bytes; distinct: {_distinct.Length:N0} bytes");
    }

    [Benchmark(Description = "article repeated to 10 MB: parse")]
    public ParsedDocument Repeated() => DocumentIngestor.Parse("repeated.txt", _repeated, Options).Document!;

    [Benchmark(Description = "distinct copies to 10 MB: parse and map")]
    public MappedRecords Distinct() => _mapper.Map(DocumentIngestor.Parse("distinct.txt", _distinct, Options).Document!);

    private static byte[] Build(string article, Func<int, string> copy)
    {
        var text = new StringBuilder(TargetBytes + article.Length * 2);
        for (var i = 0; text.Length < TargetBytes; i++)
        {
            text.Append(copy(i)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
