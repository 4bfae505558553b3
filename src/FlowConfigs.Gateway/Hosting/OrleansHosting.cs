using System.Net;
using FlowConfigs.Grains;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>The silo co-hosted in the gateway process: one per process, joined into a cluster by configuration.</summary>
internal static class OrleansHosting
{
    public static WebApplicationBuilder AddFlowConfigsSilo(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var siloPorts = builder.Configuration.GetSection(SiloPortsOptions.Section).Get<SiloPortsOptions>() ?? new SiloPortsOptions();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var clustering = builder.Configuration.GetSection(ClusteringOptions.Section).Get<ClusteringOptions>() ?? new ClusteringOptions();
        builder.Services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.UseOrleans(silo =>
        {
            silo.UseFlowConfigsClustering(clustering, siloPorts);
            silo.AddFlowConfigsSerialization();
            if (TelemetryHosting.IsExporting(builder.Configuration))
                silo.AddActivityPropagation();
            switch (storage.Provider)
            {
                case "Sqlite":
                    silo.AddSqliteGrainStorage(StorageNames.FlowConfigs, options =>
                    {
                        options.DataDirectory = storage.DataDirectory;
                        options.KeepRevisions = storage.KeepRevisions;
                    });
                    break;
                case "DynamoDB":
                    silo.AddDynamoDbGrainStorage(StorageNames.FlowConfigs, options =>
                    {
                        var configured = storage.DynamoDB;
                        options.TableName = configured.TableName;
                        options.RevisionsTableName = configured.RevisionsTableName;
                        options.ServiceUrl = configured.ServiceUrl;
                        options.Region = configured.Region;
                        options.CreateTables = configured.CreateTables;
                        options.KeepRevisions = storage.KeepRevisions;
                    });
                    break;
                default:
                    throw new InvalidOperationException(
                        $"FlowConfigs:Storage:Provider '{storage.Provider}' is not supported; use 'Sqlite' or 'DynamoDB'.");
            }
        });
        return builder;
    }

    private static void UseFlowConfigsClustering(this ISiloBuilder silo, ClusteringOptions clustering, SiloPortsOptions silos)
    {
        switch (clustering.Provider)
        {
            case "Localhost":
                silo.UseLocalhostClustering(silos.SiloPort, silos.GatewayPort, serviceId: silos.ServiceId, clusterId: silos.ClusterId);
                return;
            case "Redis":
                if (string.IsNullOrWhiteSpace(clustering.Redis.ConnectionString))
                    throw new InvalidOperationException(
                        "FlowConfigs:Clustering:Provider is 'Redis' but FlowConfigs:Clustering:Redis:ConnectionString is empty.");
                silo.UseRedisClustering(clustering.Redis.ConnectionString);
                silo.Configure<Orleans.Configuration.ClusterOptions>(options =>
                {
                    options.ClusterId = silos.ClusterId;
                    options.ServiceId = silos.ServiceId;
                });
                if (string.IsNullOrWhiteSpace(silos.AdvertisedIPAddress))
                    silo.ConfigureEndpoints(silos.SiloPort, silos.GatewayPort, listenOnAnyHostAddress: true);
                else if (IPAddress.TryParse(silos.AdvertisedIPAddress, out var advertised))
                    silo.ConfigureEndpoints(advertised, silos.SiloPort, silos.GatewayPort, listenOnAnyHostAddress: true);
                else
                    throw new InvalidOperationException(
                        $"FlowConfigs:Cluster:AdvertisedIPAddress '{silos.AdvertisedIPAddress}' is not an IP address.");
                return;
            default:
                throw new InvalidOperationException(
                    $"FlowConfigs:Clustering:Provider '{clustering.Provider}' is not supported; use 'Localhost' or 'Redis'.");
        }
    }
}
