using FlowConfigs.Domain.Settings;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Settings;

/// <summary>The application settings (one grain, key <see cref="Key"/>).</summary>
public interface ISettingsGrain : IGrainWithStringKey
{
    public const string Key = "application-settings";

    /// <summary>The stored settings, or an empty default (version 0) when none were ever saved.</summary>
    [ReadOnly]
    Task<AppSettings> GetAsync();

    /// <summary>Saves when <paramref name="expectedVersion"/> is null or equals the stored version; else returns null.</summary>
    Task<AppSettings?> SaveAsync(AppSettings proposed, long? expectedVersion, string username);
}
