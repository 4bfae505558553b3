using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Grains.Listing;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// Holds one config in memory and, per language and channel, the resolved map as UTF-8 JSON, so GetConfig never
/// touches storage or re-serializes. Storage is read on activation and written on saves and deletes only.
/// </summary>
[GrainType(GrainTypeName)]
[CollectionAgeLimit(Minutes = 120)]
public sealed class FlowConfigGrain(
    [PersistentState("config", StorageNames.FlowConfigs)] IPersistentState<FlowConfigState> state,
    TimeProvider clock,
    ILogger<FlowConfigGrain> logger) : Grain, IFlowConfigGrain
{
    public const string GrainTypeName = "flowconfig";

    // Languages come from callers; bound the cache so odd requests cannot grow it without limit.
    private const int MaxCachedMaps = 64;

    private readonly Dictionary<(string Language, ContactChannel Channel, string? Fallback), ResolvedConfig> _resolved = [];

    public Task<FlowConfig?> GetAsync() => Task.FromResult(state.State.Config);

    public ValueTask<ResolvedConfig?> ResolveAsync(string language, ContactChannel channel, string? fallbackLocale)
    {
        var config = state.State.Config;
        if (config is null)
            return ValueTask.FromResult<ResolvedConfig?>(null);

        var key = (language, channel, fallbackLocale);
        if (!_resolved.TryGetValue(key, out var resolved))
        {
            resolved = new ResolvedConfig(ConfigResolver.ResolveUtf8(config, language, channel, fallbackLocale));
            if (_resolved.Count < MaxCachedMaps)
                _resolved[key] = resolved;
        }
        return ValueTask.FromResult<ResolvedConfig?>(resolved);
    }

    public async Task<SaveOutcome> SaveAsync(FlowConfig proposed, SaveCondition condition, string username, AccessLevel level)
    {
        var current = state.State.Config;
        if (!Satisfies(condition, current))
            return new SaveOutcome(SaveStatus.PreconditionFailed, CurrentVersion: current?.Version ?? 0);

        if (level < AccessLevel.Full)
        {
            var change = current is null
                ? new StructuralChange("id", "Creating a config needs Full access.")
                : EditGuard.FindStructuralChange(current, proposed);
            if (change is not null)
                return new SaveOutcome(SaveStatus.StructuralChangeForbidden, Forbidden: change, CurrentVersion: current?.Version ?? 0);
        }

        var stored = proposed with
        {
            Id = this.GetPrimaryKeyString(),
            Version = state.State.Version + 1,
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = username,
        };
        await WriteAsync(stored, stored.Version);
        await PublishAsync(stored.Version, FlowConfigSummary.Of(stored));
        return new SaveOutcome(current is null ? SaveStatus.Created : SaveStatus.Updated, stored, CurrentVersion: stored.Version);
    }

    public async Task<DeleteOutcome> DeleteAsync(SaveCondition condition, string username)
    {
        var current = state.State.Config;
        if (current is null)
            return new DeleteOutcome(DeleteStatus.NotFound);
        if (!Satisfies(condition, current))
            return new DeleteOutcome(DeleteStatus.PreconditionFailed, current.Version);

        var version = state.State.Version + 1;
        await WriteAsync(null, version);
        await PublishAsync(version, null);
        return new DeleteOutcome(DeleteStatus.Deleted, version);
    }

    private static bool Satisfies(SaveCondition condition, FlowConfig? current) =>
        !(condition.MustNotExist && current is not null) &&
        !(condition.MustExist && current is null) &&
        (condition.ExpectedVersion is not { } expected || expected == (current?.Version ?? 0));

    private async Task WriteAsync(FlowConfig? config, long version)
    {
        var (previousConfig, previousVersion) = (state.State.Config, state.State.Version);
        state.State.Config = config;
        state.State.Version = version;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // Whether the write landed is unknown (or another activation wrote first): forget what we hold and
            // let the next activation read the truth from storage.
            state.State.Config = previousConfig;
            state.State.Version = previousVersion;
            DeactivateOnIdle();
            if (exception is InconsistentStateException)
                logger.LogWarning(exception, "Concurrent write to flow config {Id}", this.GetPrimaryKeyString());
            throw;
        }
        finally
        {
            _resolved.Clear();
        }
    }

    private async Task PublishAsync(long version, FlowConfigSummary? summary)
    {
        try
        {
            await GrainFactory.GetGrain<IFlowConfigDirectoryGrain>(0).ApplyAsync(this.GetPrimaryKeyString(), version, summary);
        }
        catch (Exception exception)
        {
            // The write is durable; a directory that missed it rebuilds from storage when it next activates.
            logger.LogError(exception, "Directory update for flow config {Id} version {Version} failed", this.GetPrimaryKeyString(), version);
        }
    }
}
