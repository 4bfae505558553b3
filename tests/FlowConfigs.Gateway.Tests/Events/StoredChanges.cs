using System.Globalization;
using System.Text.Json.Nodes;
using FlowConfigs.Grains.Events;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>
/// Acknowledged writes with their change event, made through the gateway's own document store in one durable step,
/// as a grain makes them; then the nudge a grain sends.
/// </summary>
internal static class StoredChanges
{
    public const string Kind = "eventtest";

    public static async Task<OutboxEvent> WriteAsync(IServiceProvider services, string id, long version)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var at = DateTimeOffset.UtcNow;
        var eventId = Guid.NewGuid().ToString("N");
        var change = new OutboxEvent(eventId, at, $"{Kind}/{id}", new JsonObject
        {
            ["eventId"] = eventId,
            ["type"] = "flowconfig.changed",
            ["id"] = id,
            ["version"] = version,
            ["action"] = version == 1 ? "create" : "save",
            ["by"] = "alice",
            ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
        });
        var document = new JsonObject { ["description"] = $"v{version}" };
        var written = await store.WriteAsync(new DocumentKey(Kind, id),
            new DocumentWrite(version == 1 ? null : version - 1, document, new StoredRevision(version, at, "alice", "save", document.DeepClone().AsObject()))
            {
                Event = change,
            });
        Assert.Equal(WriteStatus.Written, written.Status);
        await services.GetRequiredService<IGrainFactory>().GetGrain<IChangeEventDispatcherGrain>(0).NudgeAsync();
        return change;
    }
}
