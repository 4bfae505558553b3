using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Storage;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Settings;

/// <summary>The application settings (one grain, key <see cref="Key"/>).</summary>
public interface ISettingsGrain : IGrainWithStringKey
{
    public const string Key = "application-settings";

    /// <summary>The stored settings, or an empty default (version 0) when none were ever saved.</summary>
    /// <exception cref="StorageFaultException">The stored settings cannot be read.</exception>
    [AlwaysInterleave]
    Task<AppSettings> GetAsync();

    /// <summary>
    /// Saves when <paramref name="expectedVersion"/> is null or equals the stored version (over unreadable stored
    /// settings too: saving is how they are repaired).
    /// </summary>
    Task<SettingsSaveOutcome> SaveAsync(AppSettings proposed, long? expectedVersion, string username);
}

/// <summary>The saved settings; null with no fault when the expected version was not the stored one.</summary>
[GenerateSerializer, Immutable]
public sealed record SettingsSaveOutcome([property: Id(0)] AppSettings? Saved, [property: Id(1)] StorageFault? Fault = null);
