using System.Diagnostics;
using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// Two gateway processes forming one Orleans cluster over Redis membership (Debian redis-server) and DynamoDB storage
/// (dynalite), as two Fargate tasks would.
/// </summary>
public sealed class RedisClusterTests(RedisServer redis, DynaliteFixture dynalite, ITestOutputHelper output)
    : IClassFixture<RedisServer>, IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly GatewayCluster _cluster = new(redis, dynalite);
    private readonly List<string> _directories = [];

    private Task<GatewayProcess> StartAsync() => _cluster.StartAsync();

    /// <summary>An Orleans client of the same cluster, to ask the management grain where activations live.</summary>
    private async Task<IHost> ClusterClientAsync()
    {
        var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client
                .UseRedisClustering(redis.ConnectionString)
                .Configure<Orleans.Configuration.ClusterOptions>(options => options.ClusterId = options.ServiceId = _cluster.ClusterId))
            .Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<List<SiloAddress>> ActivationsAsync(IHost client, string id)
    {
        var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var grainId = GrainId.Create(FlowConfigGrain.GrainTypeName, id);
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics.Where(s => s.GrainId == grainId).Select(s => s.SiloAddress).ToList();
    }

    [Fact]
    public async Task Two_gateways_share_writes_keep_one_activation_and_survive_one_being_killed()
    {
        var first = await StartAsync();
        await using var second = await StartAsync();
        await using (first)
        {
            using var admin = first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"]));
            using var reader = second.PublicClient(await second.TokenAsync("reader", ["FlowConfigRead"]));

            // A write through one gateway is what the other serves, in both the API and GetConfig.
            await Documents.SaveAsync(admin, "queue/cluster", Documents.Branch(closure: "true"));
            var read = await (await reader.GetAsync(Documents.Path("queue/cluster"))).ReadObjectAsync();
            Assert.Equal("true", read["variables"]!["closure"]!.GetValue<string>());
            using var secondInternal = second.InternalClient();
            using var firstInternal = first.InternalClient();
            Assert.Equal("true", (await (await secondInternal.GetAsync("/internal/config/queue%2Fcluster")).ReadMapAsync())["closure"]);
            Assert.Equal("true", (await (await firstInternal.GetAsync("/internal/config/queue%2Fcluster")).ReadMapAsync())["closure"]);

            // A second write through the other gateway is seen by the first: one activation holds the state.
            await Documents.SaveAsync(second.PublicClient(await second.TokenAsync("admin", ["FlowConfigAdmin"])), "queue/cluster",
                Documents.Branch(closure: "false"));
            Assert.Equal("false", (await (await firstInternal.GetAsync("/internal/config/queue%2Fcluster")).ReadMapAsync())["closure"]);

            var ready = await (await secondInternal.GetAsync("/health/ready")).ReadObjectAsync();
            Assert.StartsWith("Redis membership, 2 active silos", ready["checks"]!["clustering"]!["description"]!.GetValue<string>());
            Assert.StartsWith("DynamoDB tables ", ready["checks"]!["storage"]!["description"]!.GetValue<string>());

            using var client = await ClusterClientAsync();
            var activations = await ActivationsAsync(client, "queue/cluster");
            Assert.Single(activations);
            Assert.Equal(2, (await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);

            // Kill the process holding the activation; the survivor serves GetConfig once the config re-activates there.
            var (victim, survivor) = activations[0].Endpoint.Port == first.SiloPort ? (first, second) : (second, first);
            using var survivorInternal = survivor.InternalClient();
            survivorInternal.Timeout = TimeSpan.FromSeconds(60);
            victim.KillHard();
            var clock = Stopwatch.StartNew();
            Dictionary<string, string>? map = null;
            while (clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                try
                {
                    var response = await survivorInternal.GetAsync("/internal/config/queue%2Fcluster");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        map = await response.ReadMapAsync();
                        break;
                    }
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(100);
            }
            output.WriteLine($"GetConfig answered through the survivor {clock.Elapsed.TotalSeconds:F1} s after kill -9 of the silo holding the activation.");
            Assert.NotNull(map);
            Assert.Equal("false", map["closure"]);
            // GetConfig came from the survivor's read copy; reading the config through the API needs the grain, which
            // re-activates on the survivor once membership has declared the victim dead.
            using var survivorReader = survivor.PublicClient(await survivor.TokenAsync("reader", ["FlowConfigRead"]));
            survivorReader.Timeout = TimeSpan.FromSeconds(60);
            while (clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                try
                {
                    if ((await survivorReader.GetAsync(Documents.Path("queue/cluster"))).StatusCode == HttpStatusCode.OK) break;
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(100);
            }
            output.WriteLine($"The config re-activated on the survivor {clock.Elapsed.TotalSeconds:F1} s after the kill.");
            Assert.Equal([survivor.SiloPort], (await ActivationsAsync(client, "queue/cluster")).Select(s => s.Endpoint.Port));
        }
    }

    [Theory]
    [InlineData("", "FlowConfigs:Clustering:Redis:ConnectionString is empty")]
    [InlineData("127.0.0.1:1,connectTimeout=500", "It was not possible to connect to the redis server")]
    public async Task A_missing_or_unreachable_Redis_stops_start_up_with_a_clear_message(string connectionString, string expected)
    {
        var settings = _cluster.Settings();
        settings["FlowConfigs__Clustering__Redis__ConnectionString"] = connectionString;
        var directory = Path.Combine(Path.GetTempPath(), "flowconfigs-cluster-" + Guid.NewGuid().ToString("N"));
        _directories.Add(directory);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(directory, settings: settings));
        output.WriteLine(error.Message);
        Assert.Contains(expected, error.Message);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        foreach (var directory in _directories)
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
