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

        report.Add("memory", "counting gateway resident memory before the unknown ids", counting.ResidentMegabytes(), "MB");
        await counting.MeasureUnknownIdsAsync(report, 50_000, settle: TimeSpan.FromSeconds(15));
        var overview = await counting.GetAsAdminAsync("/api/usage?days=1");
        report.Add("memory", "counting gateway resident memory after 100,000 random unknown ids", counting.ResidentMegabytes(), "MB");
        report.Add("usage", "unknown ids the overview lists after the floods (most requested, capped)", overview["missingIds"]!.AsArray().Count, "ids");
        var reads = overview["configs"]!.AsArray().Sum(c => c!["reads"]!.GetValue<long>());
        report.Add("usage", "GetConfig reads of known configs counted today (warm-up + load runs)", reads, "reads");
        report.Print();
    }
}
