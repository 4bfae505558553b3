namespace FlowConfigs.Grains.Configs;

/// <summary>The HTTP preconditions of a write: If-Match (a version, or any existing) and If-None-Match: *.</summary>
[GenerateSerializer, Immutable]
public sealed record SaveCondition(
    [property: Id(0)] long? ExpectedVersion = null,
    [property: Id(1)] bool MustExist = false,
    [property: Id(2)] bool MustNotExist = false)
{
    public static readonly SaveCondition None = new();

    /// <summary>Whether a document that <paramref name="exists"/> at <paramref name="version"/> (0 when it does not) meets the condition.</summary>
    public bool IsMetBy(bool exists, long version) =>
        !(MustNotExist && exists) && !(MustExist && !exists) && (ExpectedVersion is not { } expected || expected == version);
}
