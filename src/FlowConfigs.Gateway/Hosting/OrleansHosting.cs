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

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPorts.SiloPort, siloPorts.GatewayPort);
            silo.AddFlowConfigsSerialization();
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
}
