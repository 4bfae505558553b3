using System.Text;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the gateway exports traces, metrics and logs over OTLP (http/protobuf here) to
/// a loopback receiver. The checks look for the names and attributes a collector would index, as UTF-8 strings in the
/// protobuf payloads.
/// </summary>
public sealed class TelemetryTests(LoopbackAwsEndpoint receiver) : IClassFixture<LoopbackAwsEndpoint>, IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-otel-" + Guid.NewGuid().ToString("N"));

    private bool Received(string path, params string[] texts) =>
        receiver.Take(path).Any(r => texts.All(t => r.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0));

    private async Task EventuallyAsync(string path, params string[] texts)
    {
        for (var i = 0; i < 150 && !Received(path, texts); i++)
            await Task.Delay(100);
        Assert.True(Received(path, texts), $"{path} never carried {string.Join(", ", texts)}; {receiver.Take(path).Length} payloads arrived.");
    }

    [Fact]
    public async Task Traces_metrics_and_logs_reach_an_OTLP_receiver()
    {
        receiver.Respond = _ => new LoopbackAwsEndpoint.Reply(200, "application/x-protobuf", []);
        await using var gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "flowconfigs-under-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["FlowConfigs__Telemetry__GetConfigTraceRatio"] = "1",
            ["Logging__LogLevel__Default"] = "Information",
        });
        using var admin = gateway.PublicClient(await gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        (await admin.GetAsync("/api/flow-config/branch-office-austin")).EnsureSuccessStatusCode();
        using var internalClient = gateway.InternalClient();
        for (var i = 0; i < 5; i++)
            (await internalClient.GetAsync("/internal/config/branch-office-austin")).EnsureSuccessStatusCode();
        // A flow pointing at a typo: counted, but never as a label (each id would be a time series of its own).
        const string Typo = "branch-office-austn-typo";
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await internalClient.GetAsync("/internal/config/" + Typo)).StatusCode);

        await EventuallyAsync("/v1/traces", "flowconfigs-under-test", "/api/flow-config/{id}", "http.route");
        await EventuallyAsync("/v1/traces", "/internal/config/{id}");
        await EventuallyAsync("/v1/metrics", "flowconfigs.getconfig.duration", "flowconfigs.source", "local");
        await EventuallyAsync("/v1/metrics", "Microsoft.Orleans", "http.server.request.duration");
        await EventuallyAsync("/v1/metrics", "flowconfigs.getconfig.unknown_ids", "flowconfigs.getconfig.duration", "not_found");
        Assert.DoesNotContain(receiver.Take("/v1/metrics"), r => r.BodyText.Contains(Typo) || r.BodyText.Contains("branch-office-austin"));
        await EventuallyAsync("/v1/logs", "flowconfigs-under-test", "Document store");
        Assert.All(receiver.Take("/v1/traces"), r => Assert.Equal("application/x-protobuf", r.Headers["content-type"]));
        // Health probes are not traced: a load balancer asking every few seconds would drown the real spans.
        Assert.DoesNotContain(receiver.Take("/v1/traces"), r => r.BodyText.Contains("/health/ready"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
