using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PartnershipTracker.Benchmarks;

/// <summary>
/// A column of input bytes over mean time (or, with <paramref name="fastest"/>, over the fastest iteration's time),
/// in MB/s (MB = 10^6 bytes): one benchmark operation processes <c>bytes</c> once. On a machine shared with other
/// work the fastest iteration is the one least slowed by it.
/// </summary>
public sealed class ThroughputColumn(string name, Func<BenchmarkCase, long> bytes, bool fastest = false) : IColumn
{
    public string Id => nameof(ThroughputColumn) + "." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Input megabytes (10^6 bytes) per second of {(fastest ? "the fastest iteration's" : "mean")} time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var nanoseconds = fastest ? statistics?.Min : statistics?.Mean;
        return nanoseconds is > 0
            ? (bytes(benchmarkCase) / 1e6 / (nanoseconds.Value / 1e9)).ToString("N1", System.Globalization.CultureInfo.InvariantCulture)
            : "-";
    }

    public override string ToString() => ColumnName;
}
