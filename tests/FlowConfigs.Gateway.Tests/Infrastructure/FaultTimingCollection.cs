namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// Fault tests that assert the time bounds the product promises (a request ≤ 2 s, configs back ≤ 5 s, readiness ≤ 1 s).
/// They run alone, after the parallel tests, so a busy neighbour test does not eat their margin.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultTimingCollection
{
    public const string Name = "Fault timing";
}
