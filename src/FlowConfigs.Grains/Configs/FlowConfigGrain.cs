using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Grains.Listing;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
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
    LocalResolvedConfigs local,
    ReadCopies.ConfigChanges changes,
    [FromKeyedServices(StorageNames.FlowConfigs)] IRevisionStore history,
    ILogger<FlowConfigGrain> logger) : Grain, IFlowConfigGrain
{
    public const string GrainTypeName = "flowconfig";

    private ResolvedSnapshot? _snapshot;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Publish(state.State.Config);
        // Read copies elsewhere may predate this activation (the previous host died mid-announcement): re-announce.
        changes.AnnounceInBackground(this.GetPrimaryKeyString(), state.State.Version);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        local.Withdraw(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<FlowConfig?> GetAsync() => Task.FromResult(state.State.Config);

    public ValueTask<ResolvedConfig?> ResolveAsync(string language, ContactChannel channel, string? fallbackLocale) =>
        ValueTask.FromResult(_snapshot?.Resolve(language, channel, fallbackLocale));

    public ValueTask<ReadCopies.ConfigCopy> GetCopyAsync(long knownVersion) =>
        ValueTask.FromResult(ReadCopies.ConfigCopy.Of(state.State.Version, state.State.Config, knownVersion));

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

        return await StoreAsync(proposed, username, RevisionAction.Save);
    }

    public async Task<SaveOutcome> RollbackAsync(long toVersion, SaveCondition condition, string username)
    {
        var current = state.State.Config;
        if (!Satisfies(condition, current))
            return new SaveOutcome(SaveStatus.PreconditionFailed, CurrentVersion: current?.Version ?? 0);
        var revision = await history.GetAsync(GrainTypeName, this.GetPrimaryKeyString(), toVersion);
        if (revision is null)
            return new SaveOutcome(SaveStatus.NotFound, CurrentVersion: state.State.Version);
        return await StoreAsync(revision.Document, username, RevisionAction.Rollback);
    }

    private async Task<SaveOutcome> StoreAsync(FlowConfig document, string username, RevisionAction action)
    {
        var existed = state.State.Config is not null;
        var stored = document with
        {
            Id = this.GetPrimaryKeyString(),
            Version = state.State.Version + 1,
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = username,
        };
        await WriteAsync(stored, new Revision(stored.Version, stored.UpdatedAt.Value, username, action, stored));
        await PublishAsync(stored.Version, FlowConfigSummary.Of(stored));
        return new SaveOutcome(existed ? SaveStatus.Updated : SaveStatus.Created, stored, CurrentVersion: stored.Version);
    }

    public async Task<DeleteOutcome> DeleteAsync(SaveCondition condition, string username)
    {
        var current = state.State.Config;
        if (current is null)
            return new DeleteOutcome(DeleteStatus.NotFound);
        if (!Satisfies(condition, current))
            return new DeleteOutcome(DeleteStatus.PreconditionFailed, current.Version);

        var version = state.State.Version + 1;
        await WriteAsync(null, new Revision(version, clock.GetUtcNow(), username, RevisionAction.Delete, current));
        await PublishAsync(version, null);
        return new DeleteOutcome(DeleteStatus.Deleted, version);
    }

    private static bool Satisfies(SaveCondition condition, FlowConfig? current) =>
        !(condition.MustNotExist && current is not null) &&
        !(condition.MustExist && current is null) &&
        (condition.ExpectedVersion is not { } expected || expected == (current?.Version ?? 0));

    /// <summary>Writes <paramref name="config"/> (null: deleted) as <paramref name="revision"/>'s version, with the revision in the same durable step.</summary>
    private async Task WriteAsync(FlowConfig? config, Revision revision)
    {
        var version = revision.Version;
        // Until storage acknowledges, GetConfig in this silo must ask the grain (and wait for this write) rather
        // than read the old snapshot.
        local.Withdraw(this.GetPrimaryKeyString());
        var (previousConfig, previousVersion) = (state.State.Config, state.State.Version);
        state.State.Config = config;
        state.State.Version = version;
        state.State.PendingRevision = revision;
        try
        {
            await state.WriteStateAsync();
            Publish(config);
        }
        catch (Exception exception)
        {
            // Whether the write landed is unknown (or another activation wrote first): forget what we hold and
            // let the next activation read the truth from storage.
            state.State.Config = previousConfig;
            state.State.Version = previousVersion;
            _snapshot = null;
            DeactivateOnIdle();
            if (exception is InconsistentStateException)
                logger.LogWarning(exception, "Concurrent write to flow config {Id}", this.GetPrimaryKeyString());
            throw;
        }
        finally
        {
            state.State.PendingRevision = null;
        }
        // Acknowledged: other silos drop older read copies before the caller hears of it.
        await changes.AnnounceAsync(this.GetPrimaryKeyString(), version);
    }

    /// <summary>Only ever called with state storage has acknowledged (loaded on activation, or just written).</summary>
    private void Publish(FlowConfig? config)
    {
        _snapshot = config is null ? null : new ResolvedSnapshot(config);
        if (_snapshot is not null)
            local.Publish(this.GetPrimaryKeyString(), _snapshot);
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
