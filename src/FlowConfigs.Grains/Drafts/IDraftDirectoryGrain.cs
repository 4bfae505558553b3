using Orleans.Concurrency;

namespace FlowConfigs.Grains.Drafts;

/// <summary>Every config's draft in brief, in memory (key 0: there is one): what waits for review, and which publishes are scheduled.</summary>
public interface IDraftDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Every draft, in ordinal id order.</summary>
    [ReadOnly]
    Task<DraftSummary[]> ListAsync();

    /// <summary>Does nothing but activate the directory (after its silo was lost), so its timer wakes scheduled publishes again.</summary>
    [ReadOnly]
    Task KeepAliveAsync();

    /// <summary>Records draft version <paramref name="version"/> of config <paramref name="id"/> (null: no draft any more).</summary>
    Task ApplyAsync(string id, long version, DraftSummary? summary);
}
