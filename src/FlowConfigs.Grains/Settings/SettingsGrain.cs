using FlowConfigs.Domain.Settings;

namespace FlowConfigs.Grains.Settings;

[GrainType("settings")]
public sealed class SettingsGrain(
    [PersistentState("settings", StorageNames.FlowConfigs)] IPersistentState<SettingsState> state,
    TimeProvider clock) : Grain, ISettingsGrain
{
    private static readonly AppSettings Empty = new() { Locales = [], FallbackLocale = null };

    public Task<AppSettings> GetAsync() => Task.FromResult(state.State.Settings ?? Empty);

    public async Task<AppSettings?> SaveAsync(AppSettings proposed, long? expectedVersion, string username)
    {
        var currentVersion = state.State.Settings?.Version ?? 0;
        if (expectedVersion is { } expected && expected != currentVersion)
            return null;

        var previous = state.State.Settings;
        state.State.Settings = proposed with { Version = currentVersion + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = username };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Settings = previous;
            DeactivateOnIdle();
            throw;
        }
        return state.State.Settings;
    }
}
