namespace PartnershipTracker.Tests;

/// <summary>Tests that set environment variables or redirect the console run one at a time.</summary>
[CollectionDefinition("Environment", DisableParallelization = true)]
public sealed class EnvironmentTests;
