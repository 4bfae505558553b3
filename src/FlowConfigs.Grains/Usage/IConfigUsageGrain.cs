using FlowConfigs.Domain.Usage;

namespace FlowConfigs.Grains.Usage;

/// <summary>The reads of one config (key: the config id), kept 90 days.</summary>
public interface IConfigUsageGrain : IGrainWithStringKey
{
    /// <summary>Adds a task's counts; returns once storage has them.</summary>
    /// <exception cref="Storage.StorageFaultException">Storage did not take them; the caller keeps them for its next flush.</exception>
    Task RecordAsync(IReadOnlyList<UsageCount> counts);

    /// <summary>The last <paramref name="days"/> UTC days, today included.</summary>
    Task<ConfigUsageReport> GetAsync(int days);

    /// <summary>The overview line over the last <paramref name="days"/> UTC days.</summary>
    Task<UsageSummary> SummaryAsync(int days);
}

/// <summary>Ids flows ask for that no config has, across the cluster (one grain, key 0), kept 90 days.</summary>
public interface IUnknownIdsGrain : IGrainWithIntegerKey
{
    /// <exception cref="Storage.StorageFaultException">Storage did not take them; the caller keeps them for its next flush.</exception>
    Task RecordAsync(IReadOnlyList<UnknownIdCount> counts);

    /// <summary>The most requested over the last <paramref name="days"/> UTC days, most reads first.</summary>
    Task<IReadOnlyList<UnknownIdUsage>> TopAsync(int days, int limit);

    /// <summary>Deletes usage months past retention (every config's too), at most once a UTC day whoever asks.</summary>
    Task SweepAsync();
}
