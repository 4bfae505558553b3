using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
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
        services.AddOptions<SqliteGrainStorageOptions>().BindStorageConfiguration();
        services.AddOptions<DynamoDbStorageOptions>().BindStorageConfiguration();
        await using var provider = services.BuildServiceProvider();
        try
        {
            var sqlite = provider.GetRequiredService<IOptions<SqliteGrainStorageOptions>>().Value;
            var dynamo = provider.GetRequiredService<IOptions<DynamoDbStorageOptions>>().Value;
            await using var source = new SqliteGrainStorage("migration", sqlite, NullLogger<SqliteGrainStorage>.Instance);
            var target = new DynamoDbGrainStorage("migration", dynamo, DynamoDbStorageHosting.CreateClient(dynamo),
                TimeProvider.System, NullLogger<DynamoDbGrainStorage>.Instance);
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
