using System.Text.Json;
using FlowConfigs.Domain;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// The kept revisions of one versioned document, for a grain that answers history: storage outcomes become faults
/// in words for the person asking, never exceptions. <paramref name="name"/> names the document in those words
/// (<c>calendar us-holidays</c>).
/// </summary>
public sealed class DocumentHistory<T>(IDocumentStore store, DocumentKey key, string name, ILogger logger) where T : class
{
    /// <summary>The revision a write keeps in the same durable step as <paramref name="document"/>.</summary>
    public static StoredRevision Entry(long version, DateTimeOffset at, string by, RevisionAction action, T document) =>
        new(version, at, by, JsonNamingPolicy.CamelCase.ConvertName(action.ToString()), JsonSerializer.SerializeToNode(document, DomainJson.Options)!.AsObject());

    /// <summary>Every kept revision, newest first.</summary>
    public async Task<HistoryOutcome> ListAsync()
    {
        try
        {
            var headers = await store.ListRevisionsAsync(key);
            return new HistoryOutcome(headers.Select(h => Summary(h.Version, h.At, h.By, h.Action, h.Details)).ToList());
        }
        catch (StorageUnavailableException exception)
        {
            return new HistoryOutcome([], ReadFault("history", exception));
        }
    }

    /// <summary>One revision and its document (both null when it is not kept), or why it cannot be read.</summary>
    public async Task<(RevisionSummary? Summary, T? Document, StorageFault? Fault)> ReadAsync(long version)
    {
        try
        {
            var stored = await store.ReadRevisionAsync(key, version);
            if (stored is null) return (null, null, null);
            return (Summary(stored.Version, stored.At, stored.By, stored.Action, stored.Details), stored.Document.Deserialize<T>(DomainJson.Options)!, null);
        }
        catch (StorageUnavailableException exception)
        {
            return (null, null, ReadFault($"revision {version}", exception));
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            logger.LogError("Revision {Version} of {Name} cannot be read: {Reason}", version, name, exception.Message);
            return (null, null, new StorageFault($"Revision {version} of {name} is stored in a form that cannot be read ({exception.Message}).", TimeSpan.FromMinutes(5)));
        }
    }

    private StorageFault ReadFault(string what, StorageUnavailableException exception)
    {
        logger.LogWarning("Reading the {What} of {Name} failed: {Reason}", what, name, exception.Message);
        return new StorageFault($"Storage is not answering, so the {what} of {name} cannot be read. Try again in a moment.", StorageFault.Shortly);
    }

    private static RevisionSummary Summary(long version, DateTimeOffset at, string by, string action, System.Text.Json.Nodes.JsonObject? details) =>
        new(version, at, by, Enum.Parse<RevisionAction>(action, ignoreCase: true))
        {
            ApprovedBy = details?["approvedBy"]?.Deserialize<string[]>(),
            Emergency = details?["emergency"]?["reason"]?.GetValue<string>() is { } reason ? new Emergency(reason) : null,
        };
}
