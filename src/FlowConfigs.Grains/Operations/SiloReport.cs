namespace FlowConfigs.Grains.Operations;

/// <summary>
/// What one silo knows of itself that membership does not: the build it runs and how its reads were answered since
/// it started.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SiloReport(
    [property: Id(0)] string Version,
    [property: Id(1)] long ReadCopyHits,
    [property: Id(2)] long ReadCopyMisses,
    [property: Id(3)] int ReadCopies);
