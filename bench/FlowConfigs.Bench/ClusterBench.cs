namespace FlowConfigs.Bench;

/// <summary>
/// Three gateway processes in one cluster (Redis membership, DynamoDB storage on dynalite), as three Fargate tasks
/// behind the ALB. The same configs are asked for through the gateway hosting their activations and through one that
/// does not (which answers from its read copies): throughput of each, and p99 at half of each one's throughput.
/// </summary>
internal static class ClusterBench
{
    private const string Local = "getconfig;desc=local", Copy = "getconfig;desc=copy";

    public static async Task RunAsync(BenchOptions options)
    {
        var report = new Report();
        await using var redis = await RedisServer.StartAsync();
        await using var dynalite = await Dynalite.StartAsync();
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>(dynalite.GatewaySettings())
        {
            ["FlowConfigs__Clustering__Provider"] = "Redis",
            ["FlowConfigs__Clustering__Redis__ConnectionString"] = redis.ConnectionString,
            ["FlowConfigs__Cluster__ClusterId"] = cluster,
            ["FlowConfigs__Cluster__ServiceId"] = cluster,
            ["FlowConfigs__Cluster__AdvertisedIPAddress"] = "127.0.0.1",
            ["FlowConfigs__SampleData__Enabled"] = "false",
        };
        var gateways = new List<GatewayUnderTest>();
        try
        {
            for (var i = 1; i <= 3; i++)
                gateways.Add(await GatewayUnderTest.StartAsync(report, $"cluster gateway {i} of 3", settings));
            await RunAsync(options, report, gateways);
        }
        finally
        {
            foreach (var gateway in gateways) await gateway.DisposeAsync();
        }
        report.Print();
    }

    private static async Task RunAsync(BenchOptions options, Report report, List<GatewayUnderTest> gateways)
    {
        var count = Math.Min(options.Configs, 600);
        await gateways[0].SeedAsync(count, report);

        // Where each activation lives: the hosting gateway says it answered from its own activation.
        using var http = new HttpClient();
        var hosts = new Dictionary<string, int>();
        foreach (var id in Enumerable.Range(0, count).Select(SyntheticConfigs.Id))
            for (var g = 0; g < gateways.Count && !hosts.ContainsKey(id); g++)
                if (await SourceAsync(http, gateways[g], id) == Local) hosts[id] = g;
        var host = hosts.GroupBy(h => h.Value).MaxBy(group => group.Count())!;
        var ids = host.Select(h => h.Key).ToArray();
        var hosting = gateways[host.Key];
        var other = gateways[(host.Key + 1) % gateways.Count];
        report.Add("cluster", $"configs hosted by the measured gateway (of {count:N0}, {hosts.Count:N0} placed)", ids.Length, "configs");

        // The non-hosting gateway fetches each copy once; from then on it answers from memory.
        foreach (var id in ids) await SourceAsync(http, other, id);
        var copies = 0;
        foreach (var id in ids) copies += await SourceAsync(http, other, id) == Copy ? 1 : 0;
        report.Add("cluster", "non-hosting gateway: answers from its read copies after one fetch each", copies * 100.0 / ids.Length, "%");

        var load = new LoadGenerator(options);
        var targets = new[]
        {
            (Name: "cluster: GetConfig through the hosting gateway", Url: hosting.InternalUrl + "/internal/config/"),
            (Name: "cluster: GetConfig through a non-hosting gateway", Url: other.InternalUrl + "/internal/config/"),
        };
        foreach (var target in targets)
            await load.WarmAsync(target.Name, target.Url, ids, null);
        // Two rounds in opposite orders, keeping each target's better run (see Program.cs).
        var best = new Dictionary<string, LoadRun>();
        foreach (var round in new[] { targets, targets.Reverse().ToArray() })
            foreach (var target in round)
            {
                var run = await load.RunAsync(target.Name, target.Url, ids, null);
                if (!best.TryGetValue(target.Name, out var known) || run.RequestsPerSecond > known.RequestsPerSecond)
                    best[target.Name] = run;
            }
        foreach (var target in targets)
            report.Add(best[target.Name]);
        report.Ratio("cluster: non-hosting / hosting gateway, GetConfig", best[targets[1].Name].RequestsPerSecond,
            best[targets[0].Name].RequestsPerSecond, target: "≥ 90%");

        foreach (var target in targets)
        {
            var half = best[target.Name].RequestsPerSecond / 2;
            var paced = await load.RunPacedAsync(target.Name + " at half load", target.Url, ids, half);
            report.Add(paced);
            report.Add("latency", $"{target.Name}: p99 at half load ({half:0} req/s asked) (target < 2 ms)", paced.P99Ms, "ms");
        }

        var stillCopies = 0;
        foreach (var id in ids) stillCopies += await SourceAsync(http, other, id) == Copy ? 1 : 0;
        report.Add("cluster", "non-hosting gateway: answers from its read copies after the runs", stillCopies * 100.0 / ids.Length, "%");
        // Five processes and wrk share this machine with whatever else runs on it; latency figures mean little without this.
        report.Add("machine", "load average over the last minute", double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture), "runnable");
    }

    private static async Task<string?> SourceAsync(HttpClient http, GatewayUnderTest gateway, string id)
    {
        using var response = await http.GetAsync(gateway.InternalUrl + "/internal/config/" + Uri.EscapeDataString(id));
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("Server-Timing", out var values) ? values.Single() : null;
    }
}
