using FlowConfigs.Grains.Configs;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>Where a silo gets a copy of a config it does not host: the config's grain.</summary>
public interface IConfigCopySource
{
    ValueTask<ConfigCopy> GetCopyAsync(string id, ServedVersion knownVersion);
}

internal sealed class GrainConfigCopySource(IGrainFactory grains) : IConfigCopySource
{
    public ValueTask<ConfigCopy> GetCopyAsync(string id, ServedVersion knownVersion) =>
        grains.GetGrain<IFlowConfigGrain>(id).GetCopyAsync(knownVersion);
}
