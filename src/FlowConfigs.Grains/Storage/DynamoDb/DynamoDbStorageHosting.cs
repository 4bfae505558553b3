using Amazon;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace FlowConfigs.Grains.Storage.DynamoDb;

public static class DynamoDbStorageHosting
{
    /// <summary>
    /// Registers <see cref="DynamoDbGrainStorage"/> as grain storage <paramref name="name"/>, its state catalog and its
    /// revision store; <paramref name="configureOptions"/> binds (and validates) the options named <paramref name="name"/>.
    /// </summary>
    public static ISiloBuilder AddDynamoDbGrainStorage(this ISiloBuilder silo, string name, Action<OptionsBuilder<DynamoDbStorageOptions>> configureOptions)
    {
        configureOptions(silo.Services.AddOptions<DynamoDbStorageOptions>(name));
        silo.Services.AddGrainStorage(name, (services, key) =>
        {
            var options = services.GetRequiredService<IOptionsMonitor<DynamoDbStorageOptions>>().Get(key);
            return new DynamoDbGrainStorage(key, options, CreateClient(options), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<DynamoDbGrainStorage>>());
        });
        silo.Services.AddKeyedSingleton<IGrainStateCatalog>(name,
            (services, key) => (IGrainStateCatalog)services.GetRequiredKeyedService<IGrainStorage>(key));
        silo.Services.AddKeyedSingleton<IRevisionStore>(name,
            (services, key) => (IRevisionStore)services.GetRequiredKeyedService<IGrainStorage>(key));
        return silo;
    }

    /// <summary>Credentials and region from the standard AWS chain; a service URL only for a local endpoint.</summary>
    public static IAmazonDynamoDB CreateClient(DynamoDbStorageOptions options)
    {
        Aws.AwsRegion.ThrowIfMalformed(options.Region, "FlowConfigs:Storage:DynamoDB:Region");
        var config = new AmazonDynamoDBConfig();
        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        return new AmazonDynamoDBClient(config);
    }
}
