using FlowConfigs.Bench;

// Usage: dotnet run -c Release --project bench/FlowConfigs.Bench [-- --configs 10000 --seconds 10 --connections 32]
var options = BenchOptions.Parse(args);
var report = new Report();

await using var gateway = await GatewayUnderTest.StartAsync(options, report);
await gateway.SeedAsync(options.Configs, report);
await gateway.WarmAsync(options.Configs, report);
report.Add("memory", "gateway resident memory, all configs active", gateway.ResidentMegabytes(), "MB");
await gateway.MeasureListAsync(report);

var load = new LoadGenerator(options);
var sampleIds = Enumerable.Range(0, Math.Min(1000, options.Configs)).Select(SyntheticConfigs.Id).ToArray();
var connectEvent = SyntheticConfigs.ConnectEvent(sampleIds[0]);

var getConfig = await load.RunAsync("GET /internal/config/{id}", gateway.InternalUrl + "/internal/config/", sampleIds, null);
var connect = await load.RunAsync("POST /internal/connect", gateway.InternalUrl + "/internal/connect", null, connectEvent);

await using var baselines = await Baselines.StartAsync(gateway.DataDirectory, await gateway.ResolvedBytesAsync(sampleIds[0]));
var bare = await load.RunAsync("bare Kestrel, same bytes", baselines.Url + "/bare/", sampleIds, null);
var perRequest = await load.RunAsync("storage read + resolve per request", baselines.Url + "/storage/", sampleIds, null);

foreach (var run in new[] { getConfig, connect, bare, perRequest })
    report.Add(run);
report.Ratio("GetConfig / bare Kestrel", getConfig.RequestsPerSecond, bare.RequestsPerSecond, target: "≥ 70%");
report.Ratio("Connect event / bare Kestrel", connect.RequestsPerSecond, bare.RequestsPerSecond);
report.Ratio("GetConfig / per-request storage", getConfig.RequestsPerSecond, perRequest.RequestsPerSecond, asMultiple: true);
report.Print();
