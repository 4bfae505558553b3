using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>
/// What another silo needs to answer GetConfig for one config on its own: the acknowledged version and the config
/// (null when deleted or never stored). <see cref="Unchanged"/>: the asker already holds this version, so the config
/// is not sent again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConfigCopy([property: Id(0)] long Version, [property: Id(1)] FlowConfig? Config, [property: Id(2)] bool Unchanged = false)
{
    /// <summary>The copy of the grain's acknowledged state for an asker holding <paramref name="knownVersion"/>.</summary>
    public static ConfigCopy Of(long version, FlowConfig? config, long knownVersion) =>
        version == knownVersion ? new ConfigCopy(version, null, Unchanged: true) : new ConfigCopy(version, config);
}
