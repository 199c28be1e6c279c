using System.Diagnostics;
using System.Globalization;

namespace PartnershipTracker.Benchmarks.Portfolio;

/// <summary>
/// <c>portfolio --out data/large.db [--scale 1.0] [--seed 20261129]</c>: writes a synthetic large portfolio (see
/// <see cref="PortfolioGenerator"/>) for the load script <c>bench/load/run.sh</c>. The file must not exist yet.
/// Exit codes: 0 written, 2 bad usage.
/// </summary>
public static class PortfolioCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = Value(args, "--out");
        if (output is null || !double.TryParse(Value(args, "--scale") ?? "1", NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale <= 0
            || !int.TryParse(Value(args, "--seed") ?? "20261129", NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            await Console.Error.WriteLineAsync("usage: portfolio --out FILE [--scale 1.0 (a number above 0)] [--seed 20261129]");
            return 2;
        }

        if (File.Exists(output))
        {
            await Console.Error.WriteLineAsync($"{output} exists; delete it or name a new file.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var size = PortfolioSize.At(scale);
        var clock = Stopwatch.StartNew();
        var counts = await new PortfolioGenerator(size, seed).WriteAsync(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: scale {scale}, seed {seed}, written in {clock.Elapsed.TotalSeconds:N1} s, {new FileInfo(output).Length / 1e6:N0} MB"));
        foreach (var (table, rows) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-16} {rows,10:N0}"));
        }

        Console.WriteLine($"programmes: {string.Join(", ", Enumerable.Range(1, Math.Min(3, size.Programmes)).Select(p => $"synthetic-{p:00}"))}{(size.Programmes > 3 ? ", ..." : "")}");
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
