namespace FlowConfigs.Grains.Configs;

/// <summary>The HTTP preconditions of a write: If-Match (a version, or any existing) and If-None-Match: *.</summary>
[GenerateSerializer, Immutable]
public sealed record SaveCondition(
    [property: Id(0)] long? ExpectedVersion = null,
    [property: Id(1)] bool MustExist = false,
    [property: Id(2)] bool MustNotExist = false)
{
    public static readonly SaveCondition None = new();
}
