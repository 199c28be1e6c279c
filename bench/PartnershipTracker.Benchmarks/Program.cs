using BenchmarkDotNet.Running;
using PartnershipTracker.Benchmarks.Repeats;

// "repeats" runs the cross-document repeat benchmark (see RepeatsCommand); anything else goes to BenchmarkDotNet.
if (args is ["repeats", .. var rest])
{
    return RepeatsCommand.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(PartnershipTracker.Benchmarks.IngestBenchmarks).Assembly).Run(args);
return 0;
