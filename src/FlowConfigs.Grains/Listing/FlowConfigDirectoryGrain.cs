using System.Text.Json;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Listing;

/// <summary>
/// Serves the list from memory. It reads storage once, in the background after it activates (only the fields a
/// summary needs); meanwhile config grains tell it of every save and delete, and pages answer a fast "still loading"
/// fault rather than hold their callers. Entries carry versions so a late or repeated update cannot undo a newer one.
/// </summary>
[GrainType("flowconfig-directory")]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class FlowConfigDirectoryGrain(IDocumentStore store, ILogger<FlowConfigDirectoryGrain> logger)
    : Grain, IFlowConfigDirectoryGrain
{
    private static readonly string[] SummaryFields = ["description", "updatedAt", "updatedBy", "schedule"];

    /// <summary>Shorter than a grain call's timeout, so a caller hears "still loading" rather than a timeout.</summary>
    private static readonly TimeSpan LoadPatience = TimeSpan.FromSeconds(1);

    private SortedList<string, Entry> _entries = new(StringComparer.Ordinal);
    private Task? _loading;
    private int _loaded;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Not awaited: with 100,000 configs the read takes seconds, longer than any caller should wait. It runs on
        // this activation's scheduler, so it interleaves with updates turn by turn.
        _loading = LoadAsync();
        return Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        // Read on the thread pool: a store that answers synchronously (SQLite) would otherwise hold this activation,
        // and every page and update waiting on it, for the whole read.
        var loaded = await Task.Run(ReadAllAsync);
        // Updates that arrived while loading are at least as new as what the scan read.
        foreach (var (id, entry) in _entries)
            if (!loaded.TryGetValue(id, out var read) || read.Version < entry.Version)
                loaded[id] = entry;
        // Sorted once at the end: a scan comes in no useful order (DynamoDB), and inserting each of 100,000 ids into
        // a sorted list would shift it 100,000 times.
        _entries = new SortedList<string, Entry>(loaded, StringComparer.Ordinal);
    }

    /// <remarks>Runs off the activation: touches nothing of the grain but the progress counter.</remarks>
    private async Task<Dictionary<string, Entry>> ReadAllAsync()
    {
        var loaded = new Dictionary<string, Entry>(StringComparer.Ordinal);
        await foreach (var document in store.ListAsync(FlowConfigGrain.Kind, SummaryFields))
        {
            loaded[document.Id] = new Entry(document.Version, Summarize(document), CalendarsOf(document));
            Volatile.Write(ref _loaded, loaded.Count);
        }
        return loaded;
    }

    /// <summary>A summary from the projected fields; a config whose body cannot be read still lists (and answers 503 when opened).</summary>
    private static FlowConfigSummary? Summarize(StoredDocument document) => document.Body is not { } body ? null : new FlowConfigSummary(
        document.Id,
        Text(body, "description") ?? "",
        document.Version,
        DateTimeOffset.TryParse(Text(body, "updatedAt"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        Text(body, "updatedBy"));

    /// <summary>The calendars a stored schedule references; a shape that cannot be read references none.</summary>
    private static string[] CalendarsOf(StoredDocument document) =>
        document.Body?["schedule"] is System.Text.Json.Nodes.JsonArray schedule
            ? schedule.OfType<System.Text.Json.Nodes.JsonObject>().Select(entry => Text(entry, "calendar")).OfType<string>()
                .Distinct(StringComparer.Ordinal).ToArray()
            : [];

    private static string? Text(System.Text.Json.Nodes.JsonObject body, string name) =>
        body[name] is System.Text.Json.Nodes.JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>
    /// Waits a moment for the first read of storage (a small table is read by then), then answers a fault the caller
    /// turns into a 503 until it has finished.
    /// </summary>
    private async Task WhenLoadedAsync()
    {
        try
        {
            await _loading!.WaitAsync(LoadPatience);
            return;
        }
        catch (TimeoutException)
        {
            throw new StorageFaultException(new StorageFault(
                $"The list of flow configs is still being read from storage ({Volatile.Read(ref _loaded):N0} so far). Try again in a moment.", StorageFault.Shortly));
        }
        catch (Exception exception) when (exception is not StorageFaultException)
        {
            logger.LogWarning("Listing flow configs failed: {Reason}", exception.GetBaseException().Message);
            _loading = LoadAsync();
            throw new StorageFaultException(new StorageFault("Storage is not answering, so the list of flow configs cannot be loaded. Try again in a moment.",
                StorageFault.Shortly));
        }
    }

    /// <remarks>
    /// Costs a binary search and the page, whatever the number of configs: pages are read from the sorted entries
    /// themselves, so no save has to rebuild a copy of 100,000 summaries for the next reader.
    /// </remarks>
    public async Task<Immutable<FlowConfigSummary[]>> PageAsync(string? idPrefix, string? after, int count)
    {
        await WhenLoadedAsync();
        return Find(idPrefix, null, after, count, int.MaxValue).Summaries.AsImmutable();
    }

    public async Task<DirectoryMatches> FindAsync(string? idPrefix, string? text, string? after, int count, int lookAtMost)
    {
        await WhenLoadedAsync();
        return Find(idPrefix, string.IsNullOrEmpty(text) ? null : text, after, count, lookAtMost);
    }

    /// <remarks>
    /// Costs a binary search and the entries looked at, whatever the number of configs: pages are read from the sorted
    /// entries themselves, so no save has to rebuild a copy of 100,000 summaries for the next reader.
    /// </remarks>
    private DirectoryMatches Find(string? idPrefix, string? text, string? after, int count, int lookAtMost)
    {
        var prefix = idPrefix ?? "";
        var ids = _entries.Keys;
        var entries = _entries.Values;
        var index = after is not null && string.CompareOrdinal(after, prefix) >= 0 ? UpperBound(ids, after) : LowerBound(ids, prefix);

        var found = new List<FlowConfigSummary>(Math.Min(count, 1024));
        var lookedAt = 0;
        string? last = null;
        for (; index < ids.Count && found.Count < count && lookedAt < lookAtMost && ids[index].StartsWith(prefix, StringComparison.Ordinal); index++)
        {
            lookedAt++;
            last = ids[index];
            if (entries[index].Summary is { } summary && (text is null || Mentions(summary, text)))
                found.Add(summary);
        }
        var isEnd = index >= ids.Count || !ids[index].StartsWith(prefix, StringComparison.Ordinal);
        return new DirectoryMatches(found.ToArray(), lookedAt, last, isEnd);
    }

    /// <summary>
    /// Ordinal, ignoring case: people type "austin" for "Austin", and the answer must not depend on a silo's culture.
    /// </summary>
    private static bool Mentions(FlowConfigSummary summary, string text) =>
        summary.Id.Contains(text, StringComparison.OrdinalIgnoreCase) ||
        summary.Description.Contains(text, StringComparison.OrdinalIgnoreCase) ||
        summary.UpdatedBy?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    /// <remarks>
    /// Waits for the whole first read of storage rather than answer "still loading": a calendar grain asks in the
    /// background after a change, and a partial answer would leave configs serving the old calendar.
    /// </remarks>
    public async Task<string[]> ReferencingAsync(string calendarId)
    {
        await _loading!;
        return _entries.Where(e => e.Value.Summary is not null && e.Value.Calendars.Contains(calendarId, StringComparer.Ordinal))
            .Select(e => e.Key).ToArray();
    }

    public Task ApplyAsync(string id, long version, FlowConfigSummary? summary, string[] calendars)
    {
        if (!_entries.TryGetValue(id, out var known) || known.Version < version)
            _entries[id] = new Entry(version, summary, summary is null ? [] : calendars);
        return Task.CompletedTask;
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

    private sealed record Entry(long Version, FlowConfigSummary? Summary, string[] Calendars);
}
