using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Storage.DynamoDb;

public static class DynamoDbStorageHosting
{
    /// <summary>
    /// Makes <see cref="DynamoDbDocumentStore"/> the silo's document store; <paramref name="configureOptions"/> binds (and
    /// validates) its options.
    /// </summary>
    public static ISiloBuilder AddDynamoDbDocumentStore(this ISiloBuilder silo, Action<OptionsBuilder<DynamoDbStorageOptions>> configureOptions)
    {
        configureOptions(silo.Services.AddOptions<DynamoDbStorageOptions>());
        silo.Services.AddSingleton(services => new DynamoDbDocumentStore(
            services.GetRequiredService<IOptions<DynamoDbStorageOptions>>(),
            CreateClient(services.GetRequiredService<IOptions<DynamoDbStorageOptions>>().Value),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<DynamoDbDocumentStore>>()));
        silo.Services.AddDocumentStore<DynamoDbDocumentStore>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<DynamoDbDocumentStore>());
        return silo;
    }

    /// <summary>Credentials and region from the standard AWS chain; a service URL only for a local endpoint.</summary>
    public static IAmazonDynamoDB CreateClient(DynamoDbStorageOptions options)
    {
        Aws.AwsRegion.ThrowIfMalformed(options.Region, "FlowConfigs:Storage:DynamoDB:Region");
        var config = new AmazonDynamoDBConfig
        {
            // One retry within the caller's patience: the SDK's default of many retries with back-off would hold a save
            // (and the admin waiting on it) for seconds during an outage that a 503 reports better.
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 1,
            Timeout = options.RequestTimeout,
        };
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
