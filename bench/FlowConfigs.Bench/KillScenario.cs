using System.Collections.Concurrent;
using System.Diagnostics;
using FlowConfigs.Grains.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlowConfigs.Bench;

/// <summary>
/// <c>bench/run.sh --kill [--gateways 3] [--configs 300]</c>: a cluster of gateway processes on Redis and dynalite,
/// GetConfig load through the others for the configs one task hosts, then kill -9 of that task. Prints the failed
/// requests, the slowest request and how long until every one of those configs answers again (the promise: none over
/// 2 s, all back within 5 s). Requests go only to the survivors, as a load balancer does once the dead task's
/// connections are refused; what is measured is what the survivors answer.
/// </summary>
internal static class KillScenario
{
    private const int Clients = 16;

    /// <summary>A GetConfig this slow is reported apart: on this machine one takes a millisecond or two.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(250);

    private sealed record Outcome(string Id, TimeSpan Started, TimeSpan Duration, int Status, string? Problem = null);

    public static async Task RunAsync(BenchOptions options, int gateways, Report report)
    {
        await using var dynalite = await Dynalite.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var cluster = "bench" + Guid.NewGuid().ToString("N")[..8];
        var members = new List<(GatewayUnderTest Gateway, int SiloPort)>();
        try
        {
            for (var n = 0; n < gateways; n++)
            {
                var siloPort = GatewayUnderTest.FreePort();
                var settings = dynalite.GatewaySettings();
                settings["FlowConfigs__Clustering__Provider"] = "Redis";
                settings["FlowConfigs__Clustering__Redis__ConnectionString"] = redis.ConnectionString;
                settings["FlowConfigs__Cluster__ClusterId"] = cluster;
                settings["FlowConfigs__Cluster__ServiceId"] = cluster;
                settings["FlowConfigs__Cluster__AdvertisedIPAddress"] = "127.0.0.1";
                settings["FlowConfigs__Cluster__SiloPort"] = siloPort.ToString();
                settings["FlowConfigs__SampleData__Enabled"] = n == 0 ? "true" : "false";
                members.Add((await GatewayUnderTest.StartAsync(report, $"cluster gateway {n + 1} of {gateways}", settings), siloPort));
            }
            await members[0].Gateway.SeedAsync(options.Configs, report);
            // Each config is first asked for through a different gateway, so activations spread over the tasks.
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Configs), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
                await members[i % gateways].Gateway.ResolvedBytesAsync(SyntheticConfigs.Id(i)));

            var hosts = await HostsAsync(redis.ConnectionString, cluster, Enumerable.Range(0, options.Configs).Select(SyntheticConfigs.Id));
            var victimPort = hosts.Values.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
            var victim = members.Single(m => m.SiloPort == victimPort).Gateway;
            var survivors = members.Where(m => m.SiloPort != victimPort).Select(m => m.Gateway).ToArray();
            var hosted = hosts.Where(h => h.Value == victimPort).Select(h => h.Key).ToArray();
            report.Add("kill -9", $"configs hosted by the killed task (of {options.Configs:N0}, {gateways} tasks)", hosted.Length, "");

            var (outcomes, back, loaded) = await LoadThroughKillAsync(survivors, hosted, victim);
            var failed = outcomes.Where(o => o.Status != 200).ToList();
            var slowest = outcomes.Max(o => o.Duration);
            report.Add("kill -9", $"GetConfig requests through the survivors in the {loaded.TotalSeconds:0} s after the kill", outcomes.Count, "");
            report.Add("kill -9", "failed requests (" + (failed.Count == 0 ? "none" : string.Join(", ", failed.GroupBy(f => f.Status).Select(g => $"{g.Count()}×{g.Key}"))) + ")",
                failed.Count, "");
            report.Add("kill -9", "slowest request (target ≤ 2,000 ms)", slowest.TotalMilliseconds, "ms");
            foreach (var odd in failed.Where(f => f.Problem is not null).Take(3))
                Console.WriteLine($"  {odd.Status} at +{odd.Started.TotalSeconds:0.00} s: {odd.Problem}");
            foreach (var second in outcomes.Where(o => o.Status != 200 || o.Duration > Slow).GroupBy(o => (int)o.Started.TotalSeconds).OrderBy(g => g.Key))
                Console.WriteLine($"  +{second.Key} s: {second.Count(o => o.Status != 200)} failed, {second.Count(o => o.Status == 200)} slow (max {second.Max(o => o.Duration).TotalMilliseconds:0} ms)");
            report.Add("kill -9", "requests over 2 s (target 0)", outcomes.Count(o => o.Duration > TimeSpan.FromSeconds(2)), "");
            report.Add("kill -9", "kill to the end of the last failed request: every config answering again (target < 5,000 ms)", back.TotalMilliseconds, "ms");
            var lastSlow = outcomes.Where(o => o.Duration > Slow).Select(o => o.Started + o.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();
            report.Add("kill -9", $"kill to the end of the last request over {Slow.TotalMilliseconds:0} ms (re-activations, a busy machine)", lastSlow.TotalMilliseconds, "ms");
        }
        finally
        {
            foreach (var (gateway, _) in members) await gateway.DisposeAsync();
        }
    }

    /// <summary>
    /// Load on the hosted configs, kill -9 a second in, then load until each config has answered 200 after the last
    /// failed request and 5 s went by without one. "Back" is when that last failed request ended.
    /// </summary>
    private static async Task<(List<Outcome> Outcomes, TimeSpan Back, TimeSpan Loaded)> LoadThroughKillAsync(GatewayUnderTest[] survivors, string[] hosted, GatewayUnderTest victim)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { Timeout = TimeSpan.FromSeconds(60) };
        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = new Stopwatch();
        var killed = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Clients).Select(worker => Task.Run(async () =>
        {
            for (var n = worker; !stop.IsCancellationRequested; n++)
            {
                var id = hosted[n % hosted.Length];
                var url = survivors[n % survivors.Length].InternalUrl + "/internal/config/" + Uri.EscapeDataString(id);
                var started = clock.Elapsed;
                var timer = Stopwatch.StartNew();
                int status;
                string? problem = null;
                try
                {
                    using var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    status = (int)response.StatusCode;
                    if (status is not (200 or 503)) problem = body;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                    problem = exception.Message;
                }
                if (Volatile.Read(ref killed) == 1)
                    outcomes.Enqueue(new Outcome(id, started, timer.Elapsed, status, problem));
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(1));
        clock.Start();
        Volatile.Write(ref killed, 1);
        victim.KillHard();
        var back = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
            var seen = outcomes.ToList();
            back = seen.Where(o => o.Status != 200).Select(o => o.Started + o.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();
            var answered = seen.Where(o => o.Status == 200 && o.Started > back).Select(o => o.Id).ToHashSet();
            if (answered.Count == hosted.Length && clock.Elapsed - back > TimeSpan.FromSeconds(5)) break;
        }
        var loaded = clock.Elapsed;
        stop.Cancel();
        await Task.WhenAll(workers);
        return (outcomes.ToList(), back, loaded);
    }

    /// <summary>Which silo port holds each config's activation, from the management grain through an Orleans client.</summary>
    private static async Task<Dictionary<string, int>> HostsAsync(string redis, string cluster, IEnumerable<string> ids)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client => client
                .UseRedisClustering(redis)
                .Configure<Orleans.Configuration.ClusterOptions>(o => o.ClusterId = o.ServiceId = cluster))
            .Build();
        await host.StartAsync();
        var statistics = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var byGrain = statistics.GroupBy(s => s.GrainId).ToDictionary(g => g.Key, g => g.First().SiloAddress.Endpoint.Port);
        var hosts = new Dictionary<string, int>();
        foreach (var id in ids)
            if (byGrain.TryGetValue(GrainId.Create(FlowConfigGrain.GrainTypeName, id), out var port))
                hosts[id] = port;
        await host.StopAsync();
        return hosts;
    }
}
