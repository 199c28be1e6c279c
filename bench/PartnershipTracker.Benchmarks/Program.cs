using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PartnershipTracker.Benchmarks.IngestBenchmarks).Assembly).Run(args);
