using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// <c>FlowConfigs.Gateway migrate-to-dynamodb</c>: copies the SQLite data directory into the DynamoDB tables named
/// by the same settings the gateway uses (<c>FlowConfigs__Storage__DataDirectory</c>, <c>FlowConfigs__Storage__DynamoDB__*</c>,
/// the AWS chain), then exits. Safe to run again: items already in DynamoDB are skipped.
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate-to-dynamodb";

    public static async Task<int> RunAsync(string[] args)
    {
        // Both providers' options bind exactly as the gateway binds them.
        var services = new ServiceCollection().AddSingleton(HealthCheckCommand.Configuration(args));
        services.AddOptions<SqliteStorageOptions>().BindStorageConfiguration();
        services.AddOptions<DynamoDbStorageOptions>().BindStorageConfiguration();
        await using var provider = services.BuildServiceProvider();
        try
        {
            var sqlite = provider.GetRequiredService<IOptions<SqliteStorageOptions>>();
            var dynamo = provider.GetRequiredService<IOptions<DynamoDbStorageOptions>>();
            await using var source = new SqliteDocumentStore(sqlite, NullLogger<SqliteDocumentStore>.Instance);
            var target = new DynamoDbDocumentStore(dynamo, DynamoDbStorageHosting.CreateClient(dynamo.Value),
                TimeProvider.System, NullLogger<DynamoDbDocumentStore>.Instance);
            await StorageMigration.CopyAsync(source, target, Console.Out);
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or OptionsValidationException or Amazon.Runtime.AmazonServiceException)
        {
            await Console.Error.WriteLineAsync("Migration failed: " + exception.Message);
            return 1;
        }
    }
}
