using System.Net;
using FlowConfigs.Grains;
using FlowConfigs.Grains.Storage.DynamoDb;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using StackExchange.Redis;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>The silo co-hosted in the gateway process: one per process, joined into a cluster by configuration.</summary>
internal static class OrleansHosting
{
    public static WebApplicationBuilder AddFlowConfigsSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SiloPortsOptions>().BindConfiguration(SiloPortsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ClusterTimeoutsOptions>().BindConfiguration(ClusterTimeoutsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AlwaysActiveGrainsOptions>().BindConfiguration(ClusterTimeoutsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ClusterTimeoutsOptions>>((host, timeouts) =>
            host.ShutdownTimeout = timeouts.Value.ShutdownTimeout);

        // The silo is built with one storage and one clustering provider, so these two choices are read before the
        // container exists; every other setting reaches its provider through options bound from configuration.
        var storage = builder.Configuration.GetValue<StorageProvider>(StorageOptions.Section + ":" + nameof(StorageOptions.Provider));
        var clustering = builder.Configuration.GetValue<ClusteringProvider>(ClusteringOptions.Section + ":" + nameof(ClusteringOptions.Provider));

        builder.UseOrleans(silo =>
        {
            silo.UseFlowConfigsClustering(clustering);
            silo.UseFlowConfigsFailureDetection();
            silo.AddFlowConfigsGrains();
            if (TelemetryHosting.IsExporting(builder.Configuration))
                silo.AddActivityPropagation();
            silo.AddFlowConfigsStorage(storage);
        });
        return builder;
    }

    private static void AddFlowConfigsStorage(this ISiloBuilder silo, StorageProvider provider)
    {
        if (provider == StorageProvider.DynamoDB)
            silo.AddDynamoDbDocumentStore(options => options.BindStorageConfiguration().ValidateOnStart());
        else
            silo.AddSqliteDocumentStore(options => options.BindStorageConfiguration().ValidateOnStart());
    }

    /// <summary>DataDirectory and KeepRevisions: FlowConfigs:Storage.</summary>
    public static OptionsBuilder<SqliteStorageOptions> BindStorageConfiguration(this OptionsBuilder<SqliteStorageOptions> options) =>
        options.BindConfiguration(StorageOptions.Section).ValidateDataAnnotations();

    /// <summary>KeepRevisions, shared with SQLite, from FlowConfigs:Storage; then the provider's own FlowConfigs:Storage:DynamoDB.</summary>
    public static OptionsBuilder<DynamoDbStorageOptions> BindStorageConfiguration(this OptionsBuilder<DynamoDbStorageOptions> options) =>
        options.BindConfiguration(StorageOptions.Section).BindConfiguration(StorageOptions.DynamoDBSection).ValidateDataAnnotations();

    /// <summary>
    /// Orleans' defaults suit clusters of many silos on a busy LAN and find a lost one in tens of seconds while calls to
    /// it wait 30 s. These find a killed task in about <c>MissedProbesLimit × ProbeTimeout</c> and bound every call;
    /// docs/architecture.md ("Losing a task") gives the arithmetic and why none of it evicts a task that is only slow.
    /// </summary>
    private static void UseFlowConfigsFailureDetection(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<ClusterTimeoutsOptions>>((membership, options) =>
        {
            var timeouts = options.Value;
            membership.ProbeTimeout = timeouts.ProbeTimeout;
            // The adaptive probe timeout may grow to this on a slow network. It also sets how long a silo that still
            // received anything from its peer refuses to vote (MaxProbeTimeout × NumMissedProbesLimit, 6 s here): a
            // peer that is only paused keeps its connection and sends again, a killed one's connection is reset.
            membership.MaxProbeTimeout = timeouts.ProbeTimeout * 2;
            membership.NumMissedProbesLimit = timeouts.MissedProbesLimit;
            // Two votes, but Orleans asks at most half the active silos (rounded up): with two tasks the survivor
            // alone declares its peer dead, with three a direct and an indirect failed probe do.
            membership.NumVotesForDeathDeclaration = 2;
            // Votes count only together: two unrelated blips minutes apart must not add up to an eviction.
            membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);
            // A row not refreshed for 3 × 5 s is not waited for by a task joining after a crash, nor counted as a
            // voter. Cheap: one Redis write per task every 5 s.
            membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            membership.NumMissedTableIAmAliveLimit = 3;
            // Gossip announces every change at once; the periodic read only catches a missed one.
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Services.AddOptions<SiloMessagingOptions>().Configure<IOptions<ClusterTimeoutsOptions>>((messaging, timeouts) =>
            messaging.ResponseTimeout = timeouts.Value.GrainCallTimeout);
    }

    private static void UseFlowConfigsClustering(this ISiloBuilder silo, ClusteringProvider provider)
    {
        if (provider == ClusteringProvider.Redis)
        {
            silo.UseRedisClustering(_ => { });
            silo.Services.AddOptions<RedisClusteringOptions>().Configure<IOptions<ClusteringOptions>>((redis, clustering) =>
                redis.ConfigurationOptions = ConfigurationOptions.Parse(clustering.Value.Redis.ConnectionString ?? ""));
            silo.Services.AddHostedService<RedisMembershipGuard>();
        }
        else
        {
            silo.UseLocalhostClustering();
        }

        // Orleans' own options under FlowConfigs:Cluster. They cannot bind that section themselves: Orleans' defaults
        // for the ids differ from ours and an address in configuration is a string, not an IPAddress.
        silo.Services.AddOptions<Orleans.Configuration.ClusterOptions>().Configure<IOptions<SiloPortsOptions>>((orleans, cluster) =>
        {
            orleans.ClusterId = cluster.Value.ClusterId;
            orleans.ServiceId = cluster.Value.ServiceId;
        });
        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<SiloPortsOptions>>((endpoints, cluster) =>
        {
            endpoints.SiloPort = cluster.Value.SiloPort;
            endpoints.GatewayPort = cluster.Value.GatewayPort;
            if (provider != ClusteringProvider.Redis) return;
            // Other tasks dial the advertised address; left unset, Orleans advertises the first non-loopback address
            // (the task's ENI on Fargate).
            if (IPAddress.TryParse(cluster.Value.AdvertisedIPAddress, out var advertised))
                endpoints.AdvertisedIPAddress = advertised;
            endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.GatewayPort);
        });
    }
}
