using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// Losing one of two gateway tasks (Redis membership, DynamoDB storage) while GetConfig runs through the other for
/// configs the lost task hosted: no request waits past 2 s (a 503 problem with Retry-After instead, never a 500), and
/// every config answers again through the survivor within 5 s, whether the task is killed or stopped by ECS.
/// </summary>
[Collection(FaultTimingCollection.Name)]
public sealed class KilledGatewayTests(RedisServer redis, DynaliteFixture dynalite, ITestOutputHelper output)
    : IClassFixture<RedisServer>, IClassFixture<DynaliteFixture>
{
    // The promises, plus room for a shared 2-core machine; the figures measured are printed with each run.
    private static readonly TimeSpan SlowestRequestBound = TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(1);

    private sealed record Outcome(string Id, TimeSpan Started, TimeSpan Duration, int Status, string? RetryAfter, string? ContentType, string Body);

    [Fact]
    public async Task Kill_9_of_the_hosting_task_fails_fast_and_every_config_is_back_through_the_survivor_within_5_s()
    {
        await using var cluster = new GatewayCluster(redis, dynalite);
        await LoseHostingTaskUnderLoadAsync(cluster, "kill -9", victim =>
        {
            victim.KillHard();
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task SIGTERM_of_the_hosting_task_hands_its_configs_over_without_a_slow_request()
    {
        await using var cluster = new GatewayCluster(redis, dynalite);
        await LoseHostingTaskUnderLoadAsync(cluster, "SIGTERM", async victim =>
        {
            var exited = await victim.TerminateAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"The stopped task exited {exited?.TotalSeconds:F1} s after SIGTERM.");
            Assert.True(exited < TimeSpan.FromSeconds(15), "the task did not exit within its shutdown timeout");
        });
    }

    private async Task LoseHostingTaskUnderLoadAsync(GatewayCluster cluster, string how, Func<GatewayProcess, Task> lose)
    {
        var first = await cluster.StartAsync();
        var second = await cluster.StartAsync();
        using var admin = first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"]));
        var ids = Enumerable.Range(0, 24).Select(i => $"lost/{i}").ToList();
        foreach (var id in ids)
            await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));

        // The task hosting the most activations is lost; half of its configs are served through the survivor before
        // (warm), the others only after (cold: the survivor has never seen them).
        var ports = await cluster.ActivationPortsAsync(ids);
        var victimPort = ports.Values.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        var (victim, survivor) = victimPort == first.SiloPort ? (first, second) : (second, first);
        var hosted = ids.Where(id => ports.GetValueOrDefault(id) == victimPort).ToList();
        Assert.True(hosted.Count >= 4, $"only {hosted.Count} of {ids.Count} configs on one silo");
        var warm = hosted.Take(hosted.Count / 2).ToList();
        output.WriteLine($"{hosted.Count} configs on the lost task, {warm.Count} of them served through the survivor before.");

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{survivor.InternalPort}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        foreach (var id in warm)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/internal/config/" + Uri.EscapeDataString(id))).StatusCode);

        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = new Stopwatch();
        var lost = false;
        using var stop = new CancellationTokenSource();
        async Task WorkerAsync(int worker)
        {
            for (var n = worker; !stop.IsCancellationRequested; n++)
            {
                var pool = Volatile.Read(ref lost) ? hosted : warm;
                var id = pool[n % pool.Count];
                var started = clock.Elapsed;
                var timer = Stopwatch.StartNew();
                int status;
                string? retryAfter = null, contentType = null, body;
                try
                {
                    using var response = await client.GetAsync("/internal/config/" + Uri.EscapeDataString(id));
                    status = (int)response.StatusCode;
                    retryAfter = response.Headers.RetryAfter?.ToString();
                    contentType = response.Content.Headers.ContentType?.MediaType;
                    body = await response.Content.ReadAsStringAsync();
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                    body = exception.Message;
                }
                if (Volatile.Read(ref lost))
                    outcomes.Enqueue(new Outcome(id, started, timer.Elapsed, status, retryAfter, contentType, body));
            }
        }

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() => WorkerAsync(w))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        clock.Start();
        Volatile.Write(ref lost, true);
        await lose(victim);

        // Load goes on until every config has answered 200 after the last failure and 3 s passed without one (at most 40 s).
        while (clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            await Task.Delay(250);
            var snapshot = outcomes.ToList();
            var lastFailure = snapshot.Where(o => o.Status != 200).Select(o => o.Started + o.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();
            var backSince = hosted.All(id => snapshot.Any(o => o.Id == id && o.Status == 200 && o.Started > lastFailure));
            if (backSince && clock.Elapsed - lastFailure > TimeSpan.FromSeconds(3)) break;
        }
        stop.Cancel();
        await Task.WhenAll(workers);

        var all = outcomes.ToList();
        var failures = all.Where(o => o.Status != 200).ToList();
        var slowest = all.MaxBy(o => o.Duration)!;
        var back = failures.Select(o => o.Started + o.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();
        output.WriteLine($"{how}: {all.Count} requests after it, {failures.Count} failed " +
            $"({string.Join(", ", failures.GroupBy(f => f.Status).Select(g => $"{g.Count()}×{g.Key}"))}); " +
            $"slowest {slowest.Duration.TotalMilliseconds:F0} ms ({slowest.Status} at +{slowest.Started.TotalSeconds:F2} s); " +
            $"last failure ended +{back.TotalSeconds:F2} s after it.");
        foreach (var failure in failures.Where(f => f.Status != 503).Take(5))
            output.WriteLine($"{failure.Status} +{failure.Started.TotalSeconds:F2} s {failure.Duration.TotalMilliseconds:F0} ms {failure.Id}: {failure.Body}");
        // A failure that is not a 503 is an exception the gateway did not map: its log says which.
        if (failures.Any(f => f.Status != 503))
            foreach (var line in survivor.ErrorLines.TakeLast(8))
                output.WriteLine(line);

        Assert.All(failures, f =>
        {
            Assert.Equal(503, f.Status);
            Assert.Equal("1", f.RetryAfter);
            Assert.Equal("application/problem+json", f.ContentType);
        });
        Assert.True(slowest.Duration <= SlowestRequestBound, $"a request took {slowest.Duration.TotalMilliseconds:F0} ms");
        Assert.True(back <= RecoveryBound, $"the last failure ended {back.TotalSeconds:F1} s after the task was lost");
        Assert.All(hosted, id => Assert.Contains(all, o => o.Id == id && o.Status == 200 && o.Started > back));
        Assert.DoesNotContain(survivor.ErrorLines, line => line.Contains("ExceptionHandlerMiddleware", StringComparison.Ordinal));
    }
}
