using System.Net;
using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Bench;

/// <summary>
/// Two reference servers on plain Kestrel, in this process: the ceiling (a fixed byte array, no work at all) and the
/// design the seed project has, where every GetConfig reads the config from storage and resolves it again.
/// </summary>
internal sealed class Baselines : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Url { get; }

    private Baselines(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<Baselines> StartAsync(PerRequestStorage storage, byte[] resolvedBytes)
    {
        var port = GatewayUnderTest.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        // An OTLP sink for the telemetry comparison: accepts every export, like a healthy collector.
        app.MapPost("/otlp/{**signal}", () => Results.Ok());
        app.MapGet("/bare/{id}", (string id) => TypedResults.Bytes(resolvedBytes, "application/json"));
        app.MapGet("/storage/{id}", async (string id, string? lang, string? channel) =>
        {
            // Routing keeps %2F encoded in a route value; the gateway reads the raw segment, so decode here too.
            var request = ConfigRequest.FromQuery(Uri.UnescapeDataString(id), lang, channel).Request!;
            var config = await storage.ReadAsync(request.Id);
            return config is null
                ? Results.NotFound()
                : TypedResults.Bytes(ConfigResolver.ResolveUtf8(config, request.Language, request.Channel, null), "application/json");
        });
        await app.StartAsync();
        return new Baselines(app, $"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
