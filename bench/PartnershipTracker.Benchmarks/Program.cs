using BenchmarkDotNet.Running;
using PartnershipTracker.Benchmarks.Portfolio;
using PartnershipTracker.Benchmarks.Repeats;

// "repeats" runs the cross-document repeat benchmark (see RepeatsCommand); "portfolio" writes the synthetic large portfolio
// (see PortfolioCommand); anything else goes to BenchmarkDotNet.
if (args is ["repeats", .. var rest])
{
    return RepeatsCommand.Run(rest);
}

if (args is ["portfolio", .. var portfolioArgs])
{
    return await PortfolioCommand.RunAsync(portfolioArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(PartnershipTracker.Benchmarks.IngestBenchmarks).Assembly).Run(args);
return 0;
