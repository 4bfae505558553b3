using FlowConfigs.Domain.Configs;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Listing;

/// <summary>The list of every config's summary, kept in memory (key 0: there is one directory).</summary>
public interface IFlowConfigDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Summaries whose id starts with <paramref name="idPrefix"/> (all when empty), sorted by id (ordinal).</summary>
    [ReadOnly]
    Task<Immutable<FlowConfigSummary[]>> ListAsync(string? idPrefix);

    /// <summary>Records version <paramref name="version"/> of a config: its summary, or null when that version deleted it.</summary>
    Task ApplyAsync(string id, long version, FlowConfigSummary? summary);
}
