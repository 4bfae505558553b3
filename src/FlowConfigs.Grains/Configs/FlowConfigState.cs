using System.Text.Json.Serialization;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// What storage keeps for one flow config. A delete keeps the row with no config, so versions keep counting up
/// across delete and re-create and a late directory update can never resurrect an old version.
/// </summary>
public sealed class FlowConfigState : IRevisionedState
{
    public FlowConfig? Config { get; set; }

    /// <summary>The last version written, by a save or a delete.</summary>
    public long Version { get; set; }

    /// <summary>Set by the grain for the duration of one write; stored as history, not as part of the state.</summary>
    [JsonIgnore]
    public Revision? PendingRevision { get; set; }
}
