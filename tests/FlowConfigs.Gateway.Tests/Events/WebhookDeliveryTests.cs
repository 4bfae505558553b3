using System.Diagnostics.Metrics;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>The in-process gateway sending change events to a webhook receiver on loopback, retries paced for a test.</summary>
public sealed class WebhookGatewayFixture : GatewayFixture
{
    public const string Secret = "webhook-test-secret-7d1c";

    public WebhookReceiver Receiver { get; } = new();

    public CapturedLogs Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("FlowConfigs:Events:Provider", "Webhook"),
        new("FlowConfigs:Events:Webhook:Urls:0", Receiver.Url),
        new("FlowConfigs:Events:Webhook:Secret", Secret),
        new("FlowConfigs:Events:PollInterval", "00:00:00.500"),
        new("FlowConfigs:Events:FirstRetryDelay", "00:00:00.200"),
        new("FlowConfigs:Events:MaxRetryDelay", "00:00:01"),
        new("FlowConfigs:SampleData:Enabled", "false"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }

    public override async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>The dispatcher's warnings that an event was not delivered.</summary>
    public string[] NotDelivered(string eventId) => Logs.Entries
        .Where(e => e.Level == LogLevel.Warning && e.Message.Contains($"Change event {eventId} ", StringComparison.Ordinal))
        .Select(e => e.Message).ToArray();
}

public sealed class WebhookDeliveryTests(WebhookGatewayFixture fixture) : IClassFixture<WebhookGatewayFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private WebhookReceiver Receiver => fixture.Receiver;

    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("ada", ["FlowConfigAdmin"]));

    [Fact]
    public async Task A_save_arrives_as_its_event_json_signed_with_the_secret_and_named_in_headers()
    {
        var admin = await AdminAsync();
        var id = "signed-" + Guid.NewGuid().ToString("N")[..8];
        var before = DateTimeOffset.UtcNow;
        Assert.Equal(1, await Saves.PutAsync(admin, id, "first"));
        await Receiver.WaitForAcceptedAsync([(id, 1)], Patience);

        var delivery = Assert.Single(Receiver.Accepted, d => d.Id == id);
        Assert.Equal("application/json; charset=utf-8", delivery.Headers["content-type"]);
        Assert.Equal(WebhookReceiver.ExpectedSignature(WebhookGatewayFixture.Secret, delivery.Body), delivery.Headers["x-flowconfigs-signature"]);
        Assert.Matches("^sha256=[0-9a-f]{64}$", delivery.Headers["x-flowconfigs-signature"]);
        // The check is real: another secret, or one byte of the body changed, gives another signature.
        Assert.NotEqual(WebhookReceiver.ExpectedSignature("another-secret", delivery.Body), delivery.Headers["x-flowconfigs-signature"]);
        Assert.NotEqual(WebhookReceiver.ExpectedSignature(WebhookGatewayFixture.Secret, [.. delivery.Body[..^1], (byte)' ']),
            delivery.Headers["x-flowconfigs-signature"]);
        var json = delivery.Event;
        Assert.Matches("^[0-9a-f]{32}$", delivery.EventId);
        Assert.Equal(delivery.EventId, delivery.Headers["x-flowconfigs-event-id"]);
        Assert.Equal("flowconfig.changed", delivery.Headers["x-flowconfigs-event-type"]);
        Assert.Equal(["eventId", "type", "id", "version", "action", "by", "at"], json.Select(p => p.Key));
        Assert.Equal("flowconfig.changed", json["type"]!.GetValue<string>());
        Assert.Equal(id, json["id"]!.GetValue<string>());
        Assert.Equal(1, json["version"]!.GetValue<long>());
        Assert.Equal("create", json["action"]!.GetValue<string>());
        Assert.Equal("ada", json["by"]!.GetValue<string>());
        Assert.InRange(DateTimeOffset.Parse(json["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            before.AddSeconds(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task With_the_receiver_down_then_refusing_then_up_every_event_arrives_once_in_version_order_per_config()
    {
        var admin = await AdminAsync();
        var ids = Enumerable.Range(0, 3).Select(i => $"outage-{i}-" + Guid.NewGuid().ToString("N")[..6]).ToArray();
        var changes = new List<(string Id, long Version)>();
        string firstEventId;
        using var metrics = new EventMetrics(fixture.Services.GetRequiredService<IMeterFactory>());
        await Receiver.StopAsync();
        try
        {
            // Interleaved across configs, as people save: the outbox holds a1 b1 c1 a2 b2 c2 a3 b3 c3.
            for (var round = 1; round <= 3; round++)
                foreach (var id in ids)
                    changes.Add((id, await Saves.PutAsync(admin, id, $"round {round}")));
            Assert.Equal(ids.SelectMany(_ => new long[] { 1, 2, 3 }).Order(), changes.Select(c => c.Version).Order());

            // Port closed: the dispatcher fails on the oldest event, logs why and when it tries next, and backs off.
            await WaitUntilAsync(() => FailedEventIds().Length >= 2, "two failed attempts while the receiver is down");
            firstEventId = FailedEventIds()[0];
            Assert.All(FailedEventIds(), eventId => Assert.Equal(firstEventId, eventId));
            var refusedWhileDown = fixture.NotDelivered(firstEventId);
            Assert.Contains("failure 1 in a row", refusedWhileDown[0]);
            Assert.Contains("failure 2 in a row", refusedWhileDown[1]);
            Assert.Contains("next attempt at ", refusedWhileDown[0]);
            Assert.Contains("could not be reached", refusedWhileDown[0]);

            // Each failure sets the next attempt a doubled wait after itself, and a failure comes no earlier than the
            // attempt before it was due: consecutive next-attempt times are at least the doubled wait apart (0.4 s,
            // then 0.8 s, from a first wait of 0.2 s), however slow the machine. Nudges do not cut a wait short.
            await WaitUntilAsync(() => NextAttempts(firstEventId).Length >= 3, "three failed attempts while the receiver is down");
            var next = NextAttempts(firstEventId);
            var earlyTimerTolerance = TimeSpan.FromMilliseconds(30);
            Assert.True(next[1] - next[0] >= TimeSpan.FromMilliseconds(400) - earlyTimerTolerance, $"{next[0]:O} then {next[1]:O}");
            Assert.True(next[2] - next[1] >= TimeSpan.FromMilliseconds(800) - earlyTimerTolerance, $"{next[1]:O} then {next[2]:O}");

            // What an operator's alarm reads: failed attempts counted, and the oldest waiting event's age, which is at
            // least the 0.2 + 0.4 s of backoff behind the third failure (less the timers' early tolerance).
            Assert.True(metrics.Sum("flowconfigs.events.failed_attempts") >= 3);
            Assert.InRange(metrics.Age(), 0.6 - 2 * earlyTimerTolerance.TotalSeconds, 600);

            // Listening but refusing.
            Receiver.Status = 503;
            await Receiver.StartAsync();
            await WaitUntilAsync(() => Receiver.Deliveries.Count(d => d.Answered == 503) >= 2, "two refused POSTs");
        }
        finally
        {
            Receiver.Status = 204;
            if (!Receiver.IsUp) await Receiver.StartAsync();
        }
        await Receiver.WaitForAcceptedAsync(changes, Patience);
        await WaitUntilAsync(() => metrics.Age() == 0, "the undelivered age back at 0 once the outbox is empty");
        Assert.True(metrics.Sum("flowconfigs.events.delivered") >= changes.Count);

        var ours = Receiver.Deliveries.Where(d => ids.Contains(d.Id)).ToArray();
        // Only the oldest event was offered while refused: nothing behind it overtook it.
        Assert.All(ours.Where(d => !d.Accepted), d => Assert.Equal((ids[0], 1L), (d.Id, d.Version)));
        Assert.Equal(firstEventId, Assert.Single(ours, d => d.Accepted && d.Id == ids[0] && d.Version == 1).EventId);
        Assert.Contains(fixture.NotDelivered(firstEventId), line => line.Contains("503"));
        var accepted = ours.Where(d => d.Accepted).ToArray();
        Assert.Equal(changes.Count, accepted.Select(d => d.EventId).Distinct().Count());
        foreach (var id in ids)
        {
            // In version order per config, a repeat (at least once) never going back behind a newer version.
            var versions = accepted.Where(d => d.Id == id).Select(d => d.Version).ToArray();
            Assert.Equal([1L, 2L, 3L], versions.Distinct());
            Assert.Equal(versions.Order(), versions);
        }
    }

    /// <summary>This gateway's event meter only: other test classes run gateways in this process too.</summary>
    private sealed class EventMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value)> _measured = [];

        public EventMetrics(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ChangeEventMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters)) l.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => { lock (_measured) _measured.Add((instrument.Name, value)); });
            _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => { lock (_measured) _measured.Add((instrument.Name, value)); });
            _listener.Start();
        }

        public double Sum(string instrument)
        {
            lock (_measured) return _measured.Where(m => m.Instrument == instrument).Sum(m => m.Value);
        }

        /// <summary>The gauge as observed now.</summary>
        public double Age()
        {
            _listener.RecordObservableInstruments();
            lock (_measured) return _measured.Last(m => m.Instrument == "flowconfigs.events.undelivered_age").Value;
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Event ids of the dispatcher's "not delivered" warnings, oldest first.</summary>
    private string[] FailedEventIds() => fixture.Logs.Entries
        .Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.StartsWith("Change event ", StringComparison.Ordinal))
        .Select(e => e.Message.Split(' ')[2]).ToArray();

    /// <summary>The next-attempt times the dispatcher logged for one event, in order.</summary>
    private DateTimeOffset[] NextAttempts(string eventId) => fixture.NotDelivered(eventId)
        .Select(line => System.Text.RegularExpressions.Regex.Match(line, "next attempt at (\\S+): ").Groups[1].Value)
        .Select(at => DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not seen within {Patience}: {what}");
            await Task.Delay(20);
        }
    }
}
