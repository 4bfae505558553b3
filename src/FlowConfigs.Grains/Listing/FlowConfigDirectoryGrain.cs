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
    private SortedList<string, Entry> _entries = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Sorted once at the end: a scan comes in no useful order (DynamoDB), and inserting each of 100,000 ids
            // into a sorted list would shift it 100,000 times.
            var loaded = new Dictionary<string, Entry>(StringComparer.Ordinal);
            await foreach (var document in store.ListAsync(FlowConfigGrain.Kind, cancellationToken))
                if (Summarize(document) is var (summary, readable) && readable)
                    loaded[document.Id] = new Entry(document.Version, summary);
            _entries = new SortedList<string, Entry>(loaded, StringComparer.Ordinal);
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

    /// <remarks>
    /// Costs a binary search and the page, whatever the number of configs: pages are read from the sorted entries
    /// themselves, so no save has to rebuild a copy of 100,000 summaries for the next reader.
    /// </remarks>
    public Task<Immutable<FlowConfigSummary[]>> PageAsync(string? idPrefix, string? after, int count)
    {
        var prefix = idPrefix ?? "";
        var ids = _entries.Keys;
        var entries = _entries.Values;
        var index = after is not null && string.CompareOrdinal(after, prefix) >= 0 ? UpperBound(ids, after) : LowerBound(ids, prefix);

        var page = new List<FlowConfigSummary>(Math.Min(count, 1024));
        for (; index < ids.Count && page.Count < count && ids[index].StartsWith(prefix, StringComparison.Ordinal); index++)
            if (entries[index].Summary is { } summary)
                page.Add(summary);
        return Task.FromResult(page.ToArray().AsImmutable());
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
    }

    /// <summary>The first position whose id is not below <paramref name="id"/>.</summary>
    private static int LowerBound(IList<string> sorted, string id) => Bound(sorted, id, inclusive: true);

    /// <summary>The first position whose id is above <paramref name="id"/>.</summary>
    private static int UpperBound(IList<string> sorted, string id) => Bound(sorted, id, inclusive: false);

    private static int Bound(IList<string> sorted, string id, bool inclusive)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(sorted[middle], id);
            if (order < 0 || (!inclusive && order == 0)) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private sealed record Entry(long Version, FlowConfigSummary? Summary);
}
