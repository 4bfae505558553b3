using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// What storage keeps for one flow config. A delete keeps the row with no config, so versions keep counting up
/// across delete and re-create and a late directory update can never resurrect an old version.
/// </summary>
public sealed class FlowConfigState
{
    public FlowConfig? Config { get; set; }

    /// <summary>The last version written, by a save or a delete.</summary>
    public long Version { get; set; }
}
