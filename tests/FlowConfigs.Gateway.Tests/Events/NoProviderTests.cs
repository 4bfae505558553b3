using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>With the default provider (None) events are dropped unsent, so the outbox does not grow without a reader.</summary>
public sealed class NoProviderTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_saves_event_leaves_the_outbox_unsent()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("ada", ["FlowConfigAdmin"]));
        var id = "none-" + Guid.NewGuid().ToString("N")[..8];
        var store = fixture.Services.GetRequiredService<IDocumentStore>();
        await Saves.PutAsync(admin, id, "first");
        await Saves.PutAsync(admin, id, "second");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await store.ListOutboxAsync(1000)).Any(e => e.Subject == "flowconfig/" + id))
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox still holds the saves' events");
            await Task.Delay(50);
        }
        // Both saves were acknowledged (their audit lines are there); WebhookDeliveryTests shows the same saves do write events.
        Assert.Equal(2, (await store.ListAuditAsync(new AuditQuery(Id: id))).Items.Count);
    }
}
