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

        // The silo is built with one storage and one clustering provider, so these two choices are read before the
        // container exists; every other setting reaches its provider through options bound from configuration.
        var storage = builder.Configuration.GetValue<StorageProvider>(StorageOptions.Section + ":" + nameof(StorageOptions.Provider));
        var clustering = builder.Configuration.GetValue<ClusteringProvider>(ClusteringOptions.Section + ":" + nameof(ClusteringOptions.Provider));

        builder.UseOrleans(silo =>
        {
            silo.UseFlowConfigsClustering(clustering);
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

    private static void UseFlowConfigsClustering(this ISiloBuilder silo, ClusteringProvider provider)
    {
        if (provider == ClusteringProvider.Redis)
        {
            silo.UseRedisClustering(_ => { });
            silo.Services.AddOptions<RedisClusteringOptions>().Configure<IOptions<ClusteringOptions>>((redis, clustering) =>
                redis.ConfigurationOptions = ConfigurationOptions.Parse(clustering.Value.Redis.ConnectionString ?? ""));
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
