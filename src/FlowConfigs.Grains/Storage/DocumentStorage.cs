using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Storage;

/// <summary>What a grain asks for to keep a document: the silo's store, opened at one key.</summary>
public sealed class DocumentStorage(IDocumentStore store, UnreadableDocuments unreadable, OutboxNudge events, TimeProvider clock, ILoggerFactory loggers)
{
    public IDocumentStore Store => store;

    /// <summary>
    /// The document at <paramref name="key"/>, not yet loaded. <paramref name="read"/> turns a stored body into the
    /// value (default: the domain's JSON shape); whatever it throws marks that one document unreadable.
    /// </summary>
    public PersistedDocument<T> Open<T>(DocumentKey key, Func<JsonObject, T>? read = null) where T : class =>
        new(store, unreadable, events, clock, key, read ?? ReadDomainJson<T>, loggers.CreateLogger("FlowConfigs.Storage." + key.Kind));

    private static T ReadDomainJson<T>(JsonObject body) =>
        body.Deserialize<T>(DomainJson.Options) ?? throw new JsonException("The stored document is null.");
}
