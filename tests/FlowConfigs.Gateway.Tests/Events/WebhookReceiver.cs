using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>
/// A webhook receiver on a loopback port: a real Kestrel server that records every POST it got and answers with
/// <see cref="Status"/>. Stopped, its port is closed (connection refused), as when the receiver is down.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Path = "/hooks/flowconfigs";

    public sealed record Delivery(int Answered, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public bool Accepted => Answered is >= 200 and < 300;
        public JsonObject Event => JsonNode.Parse(Body)!.AsObject();
        public string EventId => Event["eventId"]!.GetValue<string>();
        public string Id => Event["id"]!.GetValue<string>();
        public long Version => Event["version"]!.GetValue<long>();
    }

    private WebApplication? _app;

    public int Port { get; } = GatewayProcess.FreePort();

    public string Url => $"http://127.0.0.1:{Port}{Path}";

    /// <summary>What it answers every POST with.</summary>
    public int Status { get; set; } = StatusCodes.Status204NoContent;

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public Delivery[] Accepted => Deliveries.Where(d => d.Accepted).ToArray();

    public bool IsUp => _app is not null;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.MapPost(Path, async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var status = Status;
            Deliveries.Enqueue(new Delivery(status,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body.ToArray()));
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>The signature header a receiver holding <paramref name="secret"/> expects for exactly these bytes, computed here independently.</summary>
    public static string ExpectedSignature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Waits until the event of every one of <paramref name="changes"/> (config id, version) was accepted at least once.</summary>
    public async Task WaitForAcceptedAsync(IReadOnlyCollection<(string Id, long Version)> changes, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var accepted = Accepted.Select(d => (d.Id, d.Version)).ToHashSet();
            var missing = changes.Where(change => !accepted.Contains(change)).ToArray();
            if (missing.Length == 0) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{missing.Length} of {changes.Count} events never accepted within {patience}, e.g. {missing[0]}; " +
                    $"{Deliveries.Count} POSTs received, {Accepted.Length} accepted");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
