using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Grains.Configs;

/// <summary>What storage keeps for one flow config grain.</summary>
public sealed class FlowConfigState
{
    public FlowConfig? Config { get; set; }
}
