using System.Diagnostics;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Usage;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Bench;

/// <summary>
/// What counting usage costs GetConfig: two gateways on their own SQLite files, one counting (the default) and one
/// with <c>FlowConfigs__Usage__Enabled=false</c>, loaded in turn in two rounds of opposite order; then memory on the
/// counting gateway while 100,000 random unknown ids arrive on the internal port, and what the usage overview keeps
/// of them once flushed.
/// </summary>
internal static class UsageBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        var report = new Report();
        var count = Math.Min(options.Configs, 1000);
        await using var counting = await GatewayUnderTest.StartAsync(report, "gateway counting usage");
        await using var silent = await GatewayUnderTest.StartAsync(report, "gateway not counting",
            new Dictionary<string, string> { ["FlowConfigs__Usage__Enabled"] = "false" });
        foreach (var gateway in new[] { counting, silent })
        {
            await gateway.SeedAsync(count, report);
            await gateway.WarmAsync(count, report);
        }

        var load = new LoadGenerator(options);
        var ids = Enumerable.Range(0, count).Select(SyntheticConfigs.Id).ToArray();
        (string Name, string Url, string[] Ids)[] targets =
        [
            ("GetConfig, usage counted", counting.InternalUrl + "/internal/config/", ids),
            ("GetConfig, usage not counted", silent.InternalUrl + "/internal/config/", ids),
        ];
        foreach (var (name, url, _) in targets)
            await load.WarmAsync(name, url, ids, null);
        var best = await load.BestOfTwoRoundsAsync(targets);
        foreach (var (name, _, _) in targets) report.Add(best[name]);
        report.Ratio("GetConfig counting usage / not counting", best[targets[0].Name].RequestsPerSecond, best[targets[1].Name].RequestsPerSecond, target: "≥ 95%");
        MeasureCounting(report, best[targets[1].Name].RequestsPerSecond);

        report.Add("memory", "counting gateway resident memory before the unknown ids", counting.ResidentMegabytes(), "MB");
        await counting.MeasureUnknownIdsAsync(report, 50_000, settle: TimeSpan.FromSeconds(15));
        var overview = await counting.GetAsAdminAsync("/api/usage?days=1");
        report.Add("memory", "counting gateway resident memory after 100,000 random unknown ids", counting.ResidentMegabytes(), "MB");
        report.Add("usage", "unknown ids the overview lists after the floods (most requested, capped)", overview["missingIds"]!.AsArray().Count, "ids");
        var reads = overview["configs"]!.AsArray().Sum(c => c!["reads"]!.GetValue<long>());
        report.Add("usage", "GetConfig reads of known configs counted today (warm-up + load runs)", reads, "reads");
        report.Print();
    }

    /// <summary>
    /// The counting itself, in this process on the same keys wrk sends: its cost per read against the CPU time a
    /// GetConfig takes at the not-counting gateway's throughput (all cores busy). Free of the noise that moves
    /// whole-gateway throughput by more than that on a shared machine.
    /// </summary>
    private static void MeasureCounting(Report report, double requestsPerSecond)
    {
        var counters = new UsageCounters(Options.Create(new UsageOptions()), TimeProvider.System);
        var ids = Enumerable.Range(0, 1000).Select(SyntheticConfigs.Id).ToArray();
        var resolved = new ResolvedConfig([]);
        const int Reads = 5_000_000;
        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, t =>
            {
                for (var i = t; i < Reads; i += threads)
                    counters.Record(ids[i % ids.Length], "en-US", ConnectChannel.Voice, resolved);
            });
            var nanosecondsPerRead = clock.Elapsed.TotalNanoseconds * threads / Reads;
            report.Add("usage", $"counting one read, {threads} thread(s) at once (CPU time per read)", nanosecondsPerRead, "ns");
            if (threads == Environment.ProcessorCount)
            {
                var cpuPerRequestNs = Environment.ProcessorCount * 1e9 / requestsPerSecond;
                report.Ratio("GetConfig CPU time left after counting (per-read counting cost vs CPU per request)", cpuPerRequestNs - nanosecondsPerRead, cpuPerRequestNs, target: "≥ 95%");
            }
            counters.Drain();
        }
    }
}
