using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// Stands in for an AWS service that cannot run here (Polly, Verified Permissions): a real HTTP server on loopback
/// that records every request exactly as it arrived, so tests can check the wire format and the SigV4 signature, and
/// answers with whatever the test says.
/// </summary>
public sealed class LoopbackAwsEndpoint : IAsyncLifetime
{
    public sealed record Received(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
    }

    public sealed record Reply(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
    {
        public static Reply Json(string json, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
            new(status, "application/json", System.Text.Encoding.UTF8.GetBytes(json), headers);
    }

    private WebApplication? _app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Func<Received, Reply> Respond { get; set; } = _ => Reply.Json("{}", 500);

    public int Port { get; } = GatewayProcess.FreePort();

    public string Url => $"http://127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Url);
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var received = new Received(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                headers, body.ToArray());
            Requests.Enqueue(received);
            var reply = Respond(received);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
                context.Response.Headers[name] = value;
            await context.Response.Body.WriteAsync(reply.Body);
        });
        await _app.StartAsync();
    }

    /// <summary>The requests received on one path so far (they stay recorded).</summary>
    public Received[] Take(string path) => Requests.Where(r => r.Path == path).ToArray();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
