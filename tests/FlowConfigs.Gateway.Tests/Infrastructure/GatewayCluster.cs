using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// Gateway processes of one Orleans cluster on Redis membership and DynamoDB storage (dynalite), as Fargate tasks run;
/// a fresh cluster and table names per instance so tests sharing the servers never see each other.
/// </summary>
public sealed class GatewayCluster(RedisServer redis, DynaliteFixture dynalite) : IAsyncDisposable
{
    private readonly string _cluster = "c" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<GatewayProcess> _gateways = [];
    private readonly List<string> _directories = [];

    public string ClusterId => _cluster;

    public Dictionary<string, string> Settings() => new()
    {
        ["FlowConfigs__Clustering__Provider"] = "Redis",
        ["FlowConfigs__Clustering__Redis__ConnectionString"] = redis.ConnectionString,
        ["FlowConfigs__Cluster__ClusterId"] = _cluster,
        ["FlowConfigs__Cluster__ServiceId"] = _cluster,
        ["FlowConfigs__Cluster__AdvertisedIPAddress"] = "127.0.0.1",
        ["FlowConfigs__Storage__Provider"] = "DynamoDB",
        ["FlowConfigs__Storage__DynamoDB__ServiceUrl"] = dynalite.ServiceUrl,
        ["FlowConfigs__Storage__DynamoDB__Region"] = "us-east-1",
        ["FlowConfigs__Storage__DynamoDB__TableName"] = _cluster + "-configs",
        ["FlowConfigs__Storage__DynamoDB__RevisionsTableName"] = _cluster + "-revisions",
        ["FlowConfigs__Storage__DynamoDB__CreateTables"] = "true",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    public async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "flowconfigs-cluster-" + Guid.NewGuid().ToString("N"));
        _directories.Add(directory);
        var settings = Settings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        var gateway = await GatewayProcess.StartAsync(directory, settings: settings);
        _gateways.Add(gateway);
        return gateway;
    }

    /// <summary>For each config id, the silo port its activation lives on, asked of the management grain by a cluster client.</summary>
    public async Task<Dictionary<string, int>> ActivationPortsAsync(IEnumerable<string> ids)
    {
        using var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client
                .UseRedisClustering(redis.ConnectionString)
                .Configure<Orleans.Configuration.ClusterOptions>(options => options.ClusterId = options.ServiceId = _cluster))
            .Build();
        await host.StartAsync();
        var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var ports = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            var grainId = GrainId.Create(FlowConfigGrain.GrainTypeName, id);
            if (statistics.FirstOrDefault(s => s.GrainId == grainId) is { } activation)
                ports[id] = activation.SiloAddress.Endpoint.Port;
        }
        await host.StopAsync();
        return ports;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
            await gateway.DisposeAsync();
        foreach (var directory in _directories)
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
