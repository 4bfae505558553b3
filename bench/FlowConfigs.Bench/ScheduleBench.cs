using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowConfigs.Bench;

/// <summary>
/// What schedules cost GetConfig and how late a switch can be seen: GetConfig on configs carrying 20 schedule entries
/// against the same configs without, and, while wrk keeps the gateway busy, how long after each of 200 boundaries a
/// caller could still be answered with the values from before it.
/// </summary>
internal static class ScheduleBench
{
    private const int Entries = 20;
    private const int SwitchingConfigs = 20;
    private const int WindowsPerConfig = 10;

    public static string ScheduledId(int i) => $"scheduled/office-{i:D5}";

    private static string SwitchingId(int i) => $"switching/office-{i:D3}";

    public static async Task RunAsync(BenchOptions options)
    {
        var report = new Report();
        var count = Math.Min(options.Configs, 1000);
        await using var gateway = await GatewayUnderTest.StartAsync(report, "gateway on sqlite");
        await gateway.SeedAsync(count, report);
        await gateway.SeedAsync(count, report, Scheduled, $"configs with {Entries} schedule entries");
        await gateway.WarmAsync(count, report);
        await gateway.WarmAsync(count, report, ScheduledId, "scheduled configs");

        var load = new LoadGenerator(options);
        var plainIds = Enumerable.Range(0, count).Select(SyntheticConfigs.Id).ToArray();
        var scheduledIds = Enumerable.Range(0, count).Select(ScheduledId).ToArray();
        var url = gateway.InternalUrl + "/internal/config/";
        (string Name, string Url, string[] Ids)[] targets = [("GetConfig, no schedule", url, plainIds), ($"GetConfig, {Entries} schedule entries", url, scheduledIds)];
        foreach (var (name, _, ids) in targets)
            await load.WarmAsync(name, url, ids, null);
        var best = await load.BestOfTwoRoundsAsync(targets);
        foreach (var (name, _, _) in targets) report.Add(best[name]);
        report.Ratio($"GetConfig with {Entries} entries / without", best[targets[1].Name].RequestsPerSecond, best[targets[0].Name].RequestsPerSecond, target: "≥ 95%");

        await MeasureLatenessAsync(gateway, load, url, plainIds, report);
        report.Print();
    }

    /// <summary>Twenty weekly windows spread over the week, none of them about the hour the bench runs at.</summary>
    private static JsonObject Scheduled(int i)
    {
        var config = SyntheticConfigs.Config(i);
        config["id"] = ScheduledId(i);
        config["timeZone"] = "America/Chicago";
        var entries = new JsonArray();
        for (var e = 0; e < Entries; e++)
        {
            var start = new DateTime(2026, 11, 1, 0, 0, 0).AddDays(e % 7).AddHours(e * 7 % 24);
            entries.Add(new JsonObject
            {
                ["name"] = $"Window {e}",
                ["start"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ["end"] = start.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ["repeat"] = "FREQ=WEEKLY",
                ["variables"] = new JsonObject { ["maxWaitTime"] = (60 + e).ToString(CultureInfo.InvariantCulture) },
            });
        }
        config["schedule"] = entries;
        return config;
    }

    /// <summary>
    /// 20 configs, each with 10 one-second windows from a few seconds ahead, so boundaries pass every few hundred
    /// milliseconds for half a minute while wrk loads the gateway with other configs. Each switching config is asked
    /// over and over; for each boundary the lateness is how long after it the old value was still answered (0 when the
    /// first answer after it already had the new one).
    /// </summary>
    private static async Task MeasureLatenessAsync(GatewayUnderTest gateway, LoadGenerator load, string url, string[] loadIds, Report report)
    {
        var origin = DateTimeOffset.UtcNow.AddSeconds(10);
        origin = new DateTimeOffset(origin.Ticks - origin.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var boundaries = new List<(string Id, DateTimeOffset At, string Before)>();
        await gateway.SeedAsync(SwitchingConfigs, report, i =>
        {
            var config = SyntheticConfigs.Config(i);
            config["id"] = SwitchingId(i);
            config["timeZone"] = "UTC";
            var entries = new JsonArray();
            for (var w = 0; w < WindowsPerConfig; w++)
            {
                var start = origin.AddSeconds(w * 3 + i % 3);
                entries.Add(new JsonObject
                {
                    ["name"] = $"Second {w}",
                    ["start"] = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["end"] = start.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["variables"] = new JsonObject { ["closure"] = "true" },
                });
                lock (boundaries)
                {
                    boundaries.Add((SwitchingId(i), start, "false"));
                    boundaries.Add((SwitchingId(i), start.AddSeconds(1), "true"));
                }
            }
            config["schedule"] = entries;
            return config;
        }, "configs switching every few seconds");
        await gateway.WarmAsync(SwitchingConfigs, report, SwitchingId, "switching configs");

        var answers = new ConcurrentBag<(string Id, DateTimeOffset Asked, DateTimeOffset Answered, string Closure)>();
        var end = origin.AddSeconds(WindowsPerConfig * 3 + 3);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var background = load.RunAsync("GetConfig load during the switches", url, loadIds, null);
        var pollers = Enumerable.Range(0, SwitchingConfigs).Select(i => Task.Run(async () =>
        {
            while (DateTimeOffset.UtcNow < end)
            {
                var asked = DateTimeOffset.UtcNow;
                var map = JsonSerializer.Deserialize<Dictionary<string, string>>(await client.GetStringAsync(Uri.EscapeDataString(SwitchingId(i))))!;
                answers.Add((SwitchingId(i), asked, DateTimeOffset.UtcNow, map["closure"]));
            }
        })).ToArray();
        await Task.WhenAll(pollers);
        report.Add(await background);

        var byId = answers.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Asked).ToArray());
        var lateness = boundaries.Where(b => b.At < end).Select(b =>
        {
            // Only answers wholly between this boundary and the next (a second later at the soonest): one that was
            // still on its way when the next boundary passed may rightly show the value after that one.
            var after = byId[b.Id].Where(a => a.Asked >= b.At && a.Answered < b.At.AddSeconds(1)).ToArray();
            var stale = after.Where(a => a.Closure == b.Before).Select(a => (a.Asked - b.At).TotalMilliseconds).DefaultIfEmpty(0).Max();
            return stale;
        }).Order().ToArray();
        var gaps = byId.Values.SelectMany(list => list.Zip(list.Skip(1), (a, b) => (b.Asked - a.Asked).TotalMilliseconds)).Order().ToArray();
        report.Add("switch", $"{lateness.Length} boundaries under load: answers after them that still had the old value, p50", Percentile(lateness, 0.50), "ms late");
        report.Add("switch", "  … p99 (target < 1000 ms)", Percentile(lateness, 0.99), "ms late");
        report.Add("switch", "  … worst", lateness.DefaultIfEmpty(0).Max(), "ms late");
        report.Add("switch", $"  time between two answers for one config (p99; the resolution of the figures above), {answers.Count:N0} answers", Percentile(gaps, 0.99), "ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
