using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// Redis (the membership table) going away behind two gateway tasks, killed by its pid: readiness answers at once
/// from the last background probes and stays 200 (Redis alone must not take every task out of the load balancer),
/// GetConfig goes on, the cluster puts its table back when Redis returns empty, and SIGTERM exits in bounded time.
/// </summary>
[Collection(FaultTimingCollection.Name)]
public sealed class RedisOutageTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    // The promise is 1 s; the endpoint reads memory, so anything near it means it waited on a dependency.
    private static readonly TimeSpan ReadinessBound = TimeSpan.FromSeconds(1);

    private readonly RedisServer _redis = new();
    private GatewayCluster _cluster = null!;

    private static readonly Dictionary<string, string> FastProbes = new() { ["FlowConfigs__Health__ProbePeriod"] = "00:00:01" };

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _cluster = new GatewayCluster(_redis, dynalite);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private sealed record Readiness(TimeSpan Took, HttpStatusCode Status, JsonObject? Report)
    {
        public string? Clustering => Report?["checks"]?["clustering"]?["status"]?.GetValue<string>();
        public string? ClusteringDescription => Report?["checks"]?["clustering"]?["description"]?.GetValue<string>();
    }

    private static async Task<Readiness> ReadyAsync(GatewayProcess gateway)
    {
        using var client = gateway.InternalClient();
        client.Timeout = TimeSpan.FromSeconds(15);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            return new Readiness(clock.Elapsed, response.StatusCode, JsonNode.Parse(body) as JsonObject);
        }
        catch (TaskCanceledException)
        {
            return new Readiness(clock.Elapsed, 0, null);
        }
    }

    private static async Task<HttpStatusCode> GetConfigAsync(GatewayProcess gateway, string id)
    {
        using var client = gateway.InternalClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        return (await client.GetAsync("/internal/config/" + Uri.EscapeDataString(id))).StatusCode;
    }

    [Fact]
    public async Task While_Redis_is_down_readiness_answers_at_once_as_Degraded_and_GetConfig_goes_on()
    {
        var first = await _cluster.StartAsync(FastProbes);
        var second = await _cluster.StartAsync(FastProbes);
        using var admin = first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"]));
        await Documents.SaveAsync(admin, "redis/outage", Documents.Branch());

        _redis.KillHard();
        var clock = Stopwatch.StartNew();
        var checks = new List<Readiness>();
        while (clock.Elapsed < TimeSpan.FromSeconds(8))
        {
            foreach (var gateway in new[] { first, second })
            {
                checks.Add(await ReadyAsync(gateway));
                Assert.Equal(HttpStatusCode.OK, await GetConfigAsync(gateway, "redis/outage"));
            }
            await Task.Delay(200);
        }

        var slowest = checks.Max(c => c.Took);
        output.WriteLine($"{checks.Count} readiness checks while Redis was down: slowest {slowest.TotalMilliseconds:F0} ms; " +
            $"statuses {string.Join(", ", checks.GroupBy(c => c.Status).Select(g => $"{g.Count()}×{(int)g.Key}"))}; last: {checks[^1].ClusteringDescription}");
        Assert.True(slowest <= ReadinessBound, $"a readiness check took {slowest.TotalMilliseconds:F0} ms");
        Assert.All(checks, c => Assert.Equal(HttpStatusCode.OK, c.Status));
        // Both tasks noticed, and say so without leaving the load balancer.
        Assert.Equal("Degraded", checks[^1].Clustering);
        Assert.Equal("Degraded", checks[^2].Clustering);
    }

    [Fact]
    public async Task When_Redis_returns_empty_the_cluster_puts_its_table_back_and_stays_one_cluster()
    {
        var first = await _cluster.StartAsync(FastProbes);
        var second = await _cluster.StartAsync(FastProbes);
        using var admin = first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"]));

        _redis.KillHard();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _redis.RestartEmptyAsync();
        var clock = Stopwatch.StartNew();

        // Back means: Redis holds the table again with both silos active, and both tasks read it.
        TimeSpan? back = null;
        var checks = new List<Readiness>();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var readiness = new[] { await ReadyAsync(first), await ReadyAsync(second) };
            checks.AddRange(readiness);
            if (await ActiveSilosInRedisAsync() == 2 && readiness.All(r => r.Clustering == "Healthy"))
            {
                back = clock.Elapsed;
                break;
            }
            await Task.Delay(200);
        }
        output.WriteLine($"Table back {back?.TotalSeconds:F1} s after Redis returned empty; readiness meanwhile: " +
            string.Join(", ", checks.GroupBy(c => (c.Status, c.Clustering)).Select(g => $"{g.Count()}×{(int)g.Key.Status} {g.Key.Clustering}")));
        Assert.NotNull(back);
        Assert.True(back <= TimeSpan.FromSeconds(15), $"back after {back?.TotalSeconds:F1} s");
        Assert.All(checks, c => Assert.Equal(HttpStatusCode.OK, c.Status));

        // Still one cluster: a third task joins both, and a write through one gateway is what the others serve.
        var third = await _cluster.StartAsync(FastProbes);
        Assert.Equal(3, await ActiveSilosInRedisAsync());
        await Documents.SaveAsync(admin, "redis/rejoined", Documents.Branch(closure: "true"));
        foreach (var gateway in new[] { first, second, third })
        {
            using var client = gateway.InternalClient();
            var map = await (await client.GetAsync("/internal/config/redis%2Frejoined")).ReadMapAsync();
            Assert.Equal("true", map["closure"]);
        }
        var hosts = await _cluster.ActivationPortsAsync(["redis/rejoined"]);
        Assert.Single(hosts);
    }

    [Fact]
    public async Task A_table_recreated_at_a_lower_version_behind_the_running_silos_is_merged_back()
    {
        var first = await _cluster.StartAsync(FastProbes);
        var second = await _cluster.StartAsync(FastProbes);
        var key = $"{_cluster.ClusterId}/members/{_cluster.ClusterId}";
        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
        var database = connection.GetDatabase();
        var before = (int)await database.HashGetAsync(key, "Version");

        // What a task starting on an emptied Redis does first: a new table at version 0.
        await connection.GetServer(connection.GetEndPoints()[0]).FlushAllDatabasesAsync();
        await database.HashSetAsync(key, "Version", "0");

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15) && await ActiveSilosInRedisAsync() < 2)
            await Task.Delay(200);
        var after = (int)await database.HashGetAsync(key, "Version");
        output.WriteLine($"Merged back after {clock.Elapsed.TotalSeconds:F1} s: version {before} → 0 → {after}.");
        Assert.Equal(2, await ActiveSilosInRedisAsync());
        Assert.True(after > before, $"version {after} is not above {before}: the running silos would ignore the table");
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(first)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(second)).Status);
    }

    [Fact]
    public async Task A_silo_whose_row_was_written_back_as_Joining_puts_its_own_row_back_as_Active()
    {
        // What a write-back from a read made just before the second task turned Active leaves: its row says Joining,
        // at a version above the silos' view. Orleans alone keeps the row that way (its heartbeats rewrite the row as
        // read), and the task stays unhealthy with nothing routed to it.
        var first = await _cluster.StartAsync(FastProbes);
        var second = await _cluster.StartAsync(FastProbes);
        // A gateway answers before its silo's Active status is written; Orleans itself would overwrite a row faked earlier.
        var joined = Stopwatch.StartNew();
        while (await ActiveSilosInRedisAsync() < 2 && joined.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(100);
        var key = $"{_cluster.ClusterId}/members/{_cluster.ClusterId}";
        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var database = connection.GetDatabase();
        // Rows are keyed by silo address, "S<ip>:<port>:<generation>".
        var row = (await database.HashGetAllAsync(key)).Single(r => r.Name.ToString().Contains($":{second.SiloPort}:", StringComparison.Ordinal));
        var joining = JsonNode.Parse(row.Value.ToString())!.AsObject();
        joining["Status"] = 2;
        var version = (int)await database.HashGetAsync(key, "Version");
        await database.HashSetAsync(key, [new HashEntry(row.Name, joining.ToJsonString()), new HashEntry("Version", version + 16)]);

        var clock = Stopwatch.StartNew();
        Readiness[] readiness = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            readiness = [await ReadyAsync(first), await ReadyAsync(second)];
            if (await ActiveSilosInRedisAsync() == 2 && readiness.All(r => r.Clustering == "Healthy")) break;
            await Task.Delay(200);
        }
        output.WriteLine($"Row back as Active and both tasks healthy after {clock.Elapsed.TotalSeconds:F1} s.");
        Assert.Equal(2, await ActiveSilosInRedisAsync());
        Assert.All(readiness, r => Assert.Equal("Healthy", r.Clustering));
        Assert.Contains("wrote its row back as Active", second.RecentOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SIGTERM_exits_within_the_shutdown_timeout_while_Redis_is_down_or_empty(bool redisReturnsEmpty)
    {
        var settings = new Dictionary<string, string>(FastProbes) { ["FlowConfigs__Cluster__ShutdownTimeout"] = "00:00:05" };
        var first = await _cluster.StartAsync(settings);
        var second = await _cluster.StartAsync(settings);
        _redis.KillHard();
        if (redisReturnsEmpty)
            await _redis.RestartEmptyAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var took = await first.TerminateAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"SIGTERM to exit: {(took is { } t ? $"{t.TotalSeconds:F1} s" : "still running after 30 s")}");
        Assert.NotNull(took);
        Assert.True(took <= TimeSpan.FromSeconds(10), $"exited {took?.TotalSeconds:F1} s after SIGTERM");
        // The other task is not dragged down with it.
        Assert.False(second.HasExited);
        var after = await ReadyAsync(second);
        Assert.True(after.Status == HttpStatusCode.OK, $"{(int)after.Status} {after.Report}\n{second.RecentOutput}");
    }

    private async Task<int> ActiveSilosInRedisAsync()
    {
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",connectTimeout=1000");
            var rows = await connection.GetDatabase().HashGetAllAsync($"{_cluster.ClusterId}/members/{_cluster.ClusterId}");
            if (!rows.Any(r => r.Name == "Version")) return 0;
            return rows.Where(r => r.Name != "Version").Count(r => JsonNode.Parse(r.Value.ToString())!["Status"]?.ToString() is "Active" or "3");
        }
        catch (RedisConnectionException)
        {
            return 0;
        }
    }
}
