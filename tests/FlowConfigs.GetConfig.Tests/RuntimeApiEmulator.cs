using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.GetConfig.Tests;

/// <summary>What the function handed back for one invocation.</summary>
public sealed record LambdaResult(string? Response, string? ErrorType, string? ErrorMessage, string? ErrorTypeHeader)
{
    public bool IsError => ErrorType is not null;
}

/// <summary>
/// The Lambda Runtime API as AWS documents it (2018-06-01), on loopback: events are queued by the test and handed to
/// <c>GET /invocation/next</c> with the request id, deadline and trace headers; responses and errors complete them.
/// </summary>
public sealed class RuntimeApiEmulator : IAsyncDisposable
{
    private sealed record Pending(string RequestId, long DeadlineMs, byte[] Event);

    private readonly Channel<Pending> _events = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<LambdaResult>> _results = new();
    private readonly WebApplication _app;

    public int Port { get; } = GatewayProcess.FreePort();
    public string HostAndPort => $"127.0.0.1:{Port}";
    public TaskCompletionSource<LambdaResult> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stopwatch timestamp of the first <c>/next</c>: the function finished its init.</summary>
    public TaskCompletionSource<long> FirstPoll { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> TraceIdsSent { get; } = new();

    public RuntimeApiEmulator()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{HostAndPort}");
        _app = builder.Build();
        _app.MapGet("/2018-06-01/runtime/invocation/next", async (HttpContext context) =>
        {
            FirstPoll.TrySetResult(Stopwatch.GetTimestamp());
            var next = await _events.Reader.ReadAsync(context.RequestAborted);
            var traceId = $"Root=1-{Guid.NewGuid():N}";
            TraceIdsSent.Enqueue(traceId);
            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = next.DeadlineMs.ToString();
            context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:flowconfigs-getconfig";
            context.Response.Headers["Lambda-Runtime-Trace-Id"] = traceId;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(next.Event);
        });
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/response", async (string id, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            Complete(id, new LambdaResult(await reader.ReadToEndAsync(), null, null, null));
            return Results.Accepted();
        });
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/error", async (string id, HttpContext context) =>
        {
            Complete(id, await ReadErrorAsync(context));
            return Results.Accepted();
        });
        _app.MapPost("/2018-06-01/runtime/init/error", async (HttpContext context) =>
        {
            InitError.TrySetResult(await ReadErrorAsync(context));
            return Results.Accepted();
        });
    }

    public Task StartAsync() => _app.StartAsync();

    /// <summary>Queues an event and waits for the function's answer (Lambda's deadline defaults to Connect's 8 s).</summary>
    public async Task<LambdaResult> InvokeAsync(string eventJson, TimeSpan? deadline = null)
    {
        var id = Guid.NewGuid().ToString();
        var result = _results[id] = new TaskCompletionSource<LambdaResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _events.Writer.WriteAsync(new Pending(id,
            DateTimeOffset.UtcNow.Add(deadline ?? TimeSpan.FromSeconds(8)).ToUnixTimeMilliseconds(), System.Text.Encoding.UTF8.GetBytes(eventJson)));
        return await result.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Complete(string id, LambdaResult result)
    {
        if (_results.TryRemove(id, out var pending)) pending.TrySetResult(result);
        else throw new InvalidOperationException($"No invocation {id} is waiting.");
    }

    private static async Task<LambdaResult> ReadErrorAsync(HttpContext context)
    {
        using var error = await JsonDocument.ParseAsync(context.Request.Body);
        return new LambdaResult(null, error.RootElement.GetProperty("errorType").GetString(), error.RootElement.GetProperty("errorMessage").GetString(),
            context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
