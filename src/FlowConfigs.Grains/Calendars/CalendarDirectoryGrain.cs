using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Calendars;

/// <summary>
/// The calendar list from memory: read from storage once when it activates (only the fields a summary needs), then
/// kept current by the calendar grains, which tell it of every acknowledged write. Versions make a late or repeated
/// update harmless. Calendars number in the tens, so the read is awaited rather than run in the background.
/// </summary>
[GrainType("calendar-directory")]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CalendarDirectoryGrain(IDocumentStore store, ILogger<CalendarDirectoryGrain> logger) : Grain, ICalendarDirectoryGrain
{
    private static readonly string[] SummaryFields = ["description", "events", "updatedAt", "updatedBy"];

    private readonly SortedDictionary<string, (long Version, CalendarSummary? Summary)> _entries = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var document in store.ListAsync(CalendarGrain.Kind, SummaryFields, cancellationToken))
                _entries[document.Id] = (document.Version, Summarize(document));
        }
        catch (StorageUnavailableException exception)
        {
            logger.LogWarning("Reading the calendar list failed: {Reason}", exception.Message);
            throw new StorageFaultException(new StorageFault("Storage is not answering, so the calendars cannot be listed. Try again in a moment.", StorageFault.Shortly));
        }
    }

    public Task<CalendarSummary[]> ListAsync() =>
        Task.FromResult(_entries.Values.Where(e => e.Summary is not null).Select(e => e.Summary!).ToArray());

    public Task ApplyAsync(string id, long version, CalendarSummary? summary)
    {
        if (!_entries.TryGetValue(id, out var known) || known.Version < version)
            _entries[id] = (version, summary);
        return Task.CompletedTask;
    }

    /// <summary>A calendar whose stored body is odd still lists, so it can be found and replaced.</summary>
    private static CalendarSummary? Summarize(StoredDocument document) => document.Body is not { } body ? null : new CalendarSummary(
        document.Id,
        Text(body, "description") ?? "",
        document.Version,
        DateTimeOffset.TryParse(Text(body, "updatedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        Text(body, "updatedBy"),
        body["events"] is JsonArray events ? events.Count : 0);

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
