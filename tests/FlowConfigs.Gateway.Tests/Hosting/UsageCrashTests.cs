using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// Usage counts survive kill -9 of the gateway but for the last flush interval: reads made more than an interval (and
/// a flush) before the kill are all counted after a restart on the same storage, on each provider.
/// </summary>
public sealed class UsageCrashTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-usage-crash-" + Guid.NewGuid().ToString("N"));
    private readonly string _tables = "usage" + Guid.NewGuid().ToString("N")[..10];

    private Dictionary<string, string> Settings(string provider)
    {
        var settings = new Dictionary<string, string> { ["FlowConfigs__Usage__FlushEvery"] = FlushEvery.ToString() };
        if (provider == "DynamoDB")
        {
            foreach (var (key, value) in GatewayProcess.DynamoDbSettings(dynalite.ServiceUrl))
                settings[key] = value;
            settings["FlowConfigs__Storage__DynamoDB__TableName"] = _tables + "-configs";
            settings["FlowConfigs__Storage__DynamoDB__RevisionsTableName"] = _tables + "-revisions";
        }
        return settings;
    }

    [Theory]
    [InlineData("SQLite")]
    [InlineData("DynamoDB")]
    public async Task A_kill_9_loses_at_most_the_last_interval_of_counts(string provider)
    {
        const string Id = "branch-office-austin", Typo = "branch-office-austn";
        const int Settled = 40, Late = 10;
        string token;
        GatewayProcess killed;
        await using (var gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: Settings(provider)))
        {
            killed = gateway;
            token = await gateway.TokenAsync("admin", ["FlowConfigAdmin"]);
            using var getConfig = gateway.InternalClient();
            for (var i = 0; i < Settled; i++)
                (await getConfig.GetAsync(Documents.InternalPath(Id) + "?lang=es-US&channel=CHAT")).EnsureSuccessStatusCode();
            for (var i = 0; i < 5; i++)
                await getConfig.GetAsync(Documents.InternalPath(Typo));

            // Two intervals: the one these reads fell in, and the flush that hands them on.
            await Task.Delay(FlushEvery * 3);
            for (var i = 0; i < Late; i++)
                (await getConfig.GetAsync(Documents.InternalPath(Id))).EnsureSuccessStatusCode();
            gateway.KillHard();
        }

        await using var restarted = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: killed, settings: Settings(provider));
        using var admin = restarted.PublicClient(token);
        var usage = await (await admin.GetAsync(Documents.Path(Id) + "/usage?days=1")).ReadObjectAsync();
        var reads = usage["reads"]!.GetValue<long>();
        Assert.InRange(reads, Settled, Settled + Late);
        var today = usage["days"]![0]!;
        Assert.Equal(Settled, today["byLanguage"]!["es-US"]!.GetValue<long>());
        Assert.Equal(Settled, today["byChannel"]!["chat"]!.GetValue<long>());

        var overview = await (await admin.GetAsync("/api/usage?days=1")).ReadObjectAsync();
        var typo = overview["missingIds"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == Typo)!;
        Assert.Equal(5, typo["reads"]!.GetValue<long>());
        Assert.Equal(reads, overview["configs"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == Id)!["reads"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_task_stopped_in_order_hands_on_what_it_counted_since_its_last_flush()
    {
        const string Id = "queue/technical-support";
        var settings = new Dictionary<string, string> { ["FlowConfigs__Usage__FlushEvery"] = "00:00:10" };
        string token;
        GatewayProcess stopped;
        await using (var gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: settings))
        {
            stopped = gateway;
            token = await gateway.TokenAsync("admin", ["FlowConfigAdmin"]);
            using var getConfig = gateway.InternalClient();
            for (var i = 0; i < 7; i++)
                (await getConfig.GetAsync(Documents.InternalPath(Id) + "?channel=EMAIL")).EnsureSuccessStatusCode();
            // SIGTERM, as ECS stops a task: well inside the 10 s interval, so only the final flush can have them.
            Assert.NotNull(await gateway.TerminateAsync(TimeSpan.FromSeconds(20)));
        }

        await using var restarted = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: stopped, settings: settings);
        using var admin = restarted.PublicClient(token);
        var usage = await (await admin.GetAsync(Documents.Path(Id) + "/usage?days=1")).ReadObjectAsync();
        Assert.Equal(7, usage["reads"]!.GetValue<long>());
        Assert.Equal(7, usage["days"]![0]!["byChannel"]!["email"]!.GetValue<long>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
