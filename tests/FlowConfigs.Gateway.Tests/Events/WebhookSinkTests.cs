using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Features.Events;
using FlowConfigs.Grains.Events;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>The webhook sink against two real receivers: an event counts as delivered only once every URL accepted it.</summary>
public sealed class WebhookSinkTests : IAsyncLifetime
{
    private readonly WebhookReceiver _first = new();
    private readonly WebhookReceiver _second = new();
    private ServiceProvider? _services;

    private WebhookSink Sink(params string[] urls)
    {
        var options = Options.Create(new EventsOptions
        {
            Provider = ChangeEventProvider.Webhook,
            Webhook = new WebhookOptions { Urls = [.. urls], Secret = "two-receivers", Timeout = TimeSpan.FromSeconds(5) },
        });
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new WebhookSink(_services.GetRequiredService<IHttpClientFactory>(), options);
    }

    private static OutboxEvent Change(string eventId) => new(eventId, DateTimeOffset.UtcNow, "flowconfig/two", new JsonObject
    {
        ["eventId"] = eventId, ["type"] = "flowconfig.changed", ["id"] = "two", ["version"] = 1, ["action"] = "create", ["by"] = "ada",
        ["at"] = "2026-11-27T10:00:00.0000000+00:00",
    });

    [Fact]
    public async Task One_refusing_url_fails_the_delivery_naming_it_and_the_retry_goes_to_both()
    {
        var sink = Sink(_first.Url, _second.Url + "?token=hidden");
        _second.Status = 503;
        var change = Change("e1");

        var error = await Assert.ThrowsAsync<ChangeEventNotDeliveredException>(() => sink.DeliverAsync(change, CancellationToken.None));
        Assert.Contains($"{_second.Url} answered 503", error.Message);
        Assert.DoesNotContain("hidden", error.Message);
        Assert.DoesNotContain(_first.Url, error.Message);

        _second.Status = 200;
        await sink.DeliverAsync(change, CancellationToken.None);
        // At least once: the first receiver hears it again, with the same id and the same signed bytes.
        Assert.Equal(2, _first.Accepted.Length);
        Assert.Equal(_first.Accepted[0].Body, _first.Accepted[1].Body);
        Assert.Equal(["e1", "e1"], _first.Accepted.Select(d => d.Headers["x-flowconfigs-event-id"]));
        Assert.Single(_second.Accepted);
        Assert.Equal(WebhookReceiver.ExpectedSignature("two-receivers", _second.Accepted[0].Body), _second.Accepted[0].Headers["x-flowconfigs-signature"]);
    }

    [Fact]
    public async Task A_receiver_that_is_down_or_redirects_has_not_accepted()
    {
        await _second.StopAsync();
        var down = await Assert.ThrowsAsync<ChangeEventNotDeliveredException>(() => Sink(_second.Url).DeliverAsync(Change("e2"), CancellationToken.None));
        Assert.Contains($"{_second.Url} could not be reached", down.Message);

        _first.Status = 307;
        var redirected = await Assert.ThrowsAsync<ChangeEventNotDeliveredException>(() => Sink(_first.Url).DeliverAsync(Change("e3"), CancellationToken.None));
        Assert.Contains("answered 307", redirected.Message);
    }

    public async Task InitializeAsync()
    {
        await _first.StartAsync();
        await _second.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }
}
