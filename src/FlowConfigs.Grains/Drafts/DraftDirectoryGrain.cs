using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Drafts;

/// <summary>
/// Drafts in brief, read from storage once it activates and kept current by config grains. It also keeps scheduled
/// publishes alive: a config grain arms its own timer, but one that was never activated since a restart, or was lost
/// with its silo, is woken here before its time (on load and then every <see cref="AlwaysActiveGrainsOptions.KeepAlivePeriod"/>),
/// and publishes itself.
/// </summary>
[GrainType("draft-directory")]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class DraftDirectoryGrain(
    IDocumentStore store,
    IOptions<AlwaysActiveGrainsOptions> options,
    TimeProvider clock,
    ILogger<DraftDirectoryGrain> logger) : Grain, IDraftDirectoryGrain
{
    private static readonly string[] SummaryFields = ["base", "state", "authors", "approvals", "submittedAt", "submittedBy", "publishAt", "outOfDate", "description"];
    private readonly TimeSpan _wakeEvery = options.Value.KeepAlivePeriod;

    private readonly SortedDictionary<string, (long Version, DraftSummary? Summary)> _drafts = new(StringComparer.Ordinal);
    private Task? _loading;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _loading = LoadAsync();
        this.RegisterGrainTimer(WakeDuePublishesAsync, new GrainTimerCreationOptions(_wakeEvery, _wakeEvery));
        return Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        try
        {
            var read = await Task.Run(async () =>
            {
                var found = new List<(string Id, long Version, DraftSummary? Summary)>();
                await foreach (var document in store.ListAsync(FlowConfigGrain.DraftKind, SummaryFields))
                    found.Add((document.Id, document.Version, document.Body is { } body ? Summarize(document.Id, document.Version, body) : null));
                return found;
            });
            foreach (var (id, version, summary) in read)
                if (!_drafts.TryGetValue(id, out var known) || known.Version < version)
                    _drafts[id] = (version, summary);
            await WakeDuePublishesAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is StorageUnavailableException or JsonException)
        {
            logger.LogWarning("Reading drafts failed ({Reason}); retrying when next asked", exception.Message);
            _loading = null;
        }
    }

    public async Task<DraftSummary[]> ListAsync()
    {
        _loading ??= LoadAsync();
        await _loading;
        return [.. _drafts.Values.Select(d => d.Summary).OfType<DraftSummary>()];
    }

    public Task KeepAliveAsync() => Task.CompletedTask;

    public Task ApplyAsync(string id, long version, DraftSummary? summary)
    {
        if (!_drafts.TryGetValue(id, out var known) || known.Version < version)
            _drafts[id] = (version, summary);
        return Task.CompletedTask;
    }

    /// <summary>Activates each config whose publish is due within the next wake-up: its activation arms the timer, or publishes at once when late.</summary>
    private async Task WakeDuePublishesAsync(CancellationToken cancellationToken)
    {
        var horizon = clock.GetUtcNow() + _wakeEvery * 2;
        foreach (var (id, (_, summary)) in _drafts.ToArray())
        {
            if (summary?.PublishAt is not { } at || at > horizon) continue;
            try
            {
                await GrainFactory.GetGrain<IFlowConfigGrain>(id).WakeForPublishAsync();
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException or StorageFaultException)
            {
                logger.LogWarning("Waking flow config {Id} for its publish at {At:O} failed: {Reason}", id, at, exception.Message);
            }
        }
    }

    private static DraftSummary Summarize(string id, long version, JsonObject body) => new(
        id,
        version,
        body["base"]?.Deserialize<long>() ?? 0,
        Enum.TryParse<DraftState>(body["state"]?.GetValue<string>(), ignoreCase: true, out var state) ? state : DraftState.Draft,
        body["authors"]?.Deserialize<string[]>() ?? [],
        body["approvals"] is JsonArray approvals ? [.. approvals.Select(a => a?["by"]?.GetValue<string>()).OfType<string>()] : [],
        Time(body["submittedAt"]),
        body["submittedBy"]?.GetValue<string>(),
        Time(body["publishAt"]),
        body["outOfDate"] is JsonObject,
        body["description"]?.GetValue<string>() ?? "");

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
