using System.Text.Json;
using FlowConfigs.Domain;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Listing;

/// <summary>
/// Serves the list from memory. It reads storage once, on activation; after that config grains tell it of every
/// save and delete. Entries carry versions so a late or repeated update cannot undo a newer one.
/// </summary>
[GrainType("flowconfig-directory")]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class FlowConfigDirectoryGrain(IDocumentStore store, UnreadableDocuments unreadable, ILogger<FlowConfigDirectoryGrain> logger)
    : Grain, IFlowConfigDirectoryGrain
{
    private readonly SortedList<string, Entry> _entries = new(StringComparer.Ordinal);
    private FlowConfigSummary[]? _snapshot;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var document in store.ListAsync(FlowConfigGrain.Kind, cancellationToken))
                if (Summarize(document) is var (summary, readable) && readable)
                    Apply(document.Id, document.Version, summary);
        }
        catch (StorageUnavailableException exception)
        {
            logger.LogWarning("Listing flow configs failed: {Reason}", exception.Message);
            throw new StorageFaultException(new StorageFault("Storage is not answering, so the list of flow configs cannot be loaded. Try again in a moment.",
                StorageFault.Shortly));
        }
    }

    /// <summary>One unreadable item is left out of the list (and reported), never the reason the list fails.</summary>
    private (FlowConfigSummary? Summary, bool Readable) Summarize(StoredDocument document)
    {
        if (document.Body is null)
            return (null, true);
        try
        {
            return (FlowConfigSummary.Of(document.Body.Deserialize<FlowConfig>(DomainJson.Options)!), true);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            var key = new DocumentKey(FlowConfigGrain.Kind, document.Id);
            unreadable.Report(key, exception.Message);
            logger.LogError("Stored flow config {Id} cannot be read and is left out of the list: {Reason}", document.Id, exception.Message);
            return (null, false);
        }
    }

    public Task<Immutable<FlowConfigSummary[]>> ListAsync(string? idPrefix)
    {
        var all = _snapshot ??= [.. _entries.Values.Where(e => e.Summary is not null).Select(e => e.Summary!)];
        if (string.IsNullOrEmpty(idPrefix))
            return Task.FromResult(all.AsImmutable());

        var start = LowerBound(all, idPrefix);
        var end = start;
        while (end < all.Length && all[end].Id.StartsWith(idPrefix, StringComparison.Ordinal))
            end++;
        return Task.FromResult(all[start..end].AsImmutable());
    }

    public Task ApplyAsync(string id, long version, FlowConfigSummary? summary)
    {
        Apply(id, version, summary);
        return Task.CompletedTask;
    }

    private void Apply(string id, long version, FlowConfigSummary? summary)
    {
        if (_entries.TryGetValue(id, out var known) && known.Version >= version)
            return;
        _entries[id] = new Entry(version, summary);
        _snapshot = null;
    }

    private static int LowerBound(FlowConfigSummary[] sorted, string prefix)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(sorted[middle].Id, prefix) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private sealed record Entry(long Version, FlowConfigSummary? Summary);
}
