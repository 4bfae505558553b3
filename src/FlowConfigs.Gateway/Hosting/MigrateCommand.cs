using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using Microsoft.Extensions.Logging.Abstractions;

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
        var configuration = HealthCheckCommand.Configuration(args);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        await using var source = new SqliteGrainStorage("migration", new SqliteGrainStorageOptions { DataDirectory = storage.DataDirectory },
            NullLogger<SqliteGrainStorage>.Instance);
        var target = new DynamoDbGrainStorage("migration", storage.DynamoDB, DynamoDbStorageHosting.CreateClient(storage.DynamoDB),
            TimeProvider.System, NullLogger<DynamoDbGrainStorage>.Instance);
        try
        {
            await StorageMigration.CopyAsync(source, target, Console.Out);
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or Amazon.Runtime.AmazonServiceException)
        {
            await Console.Error.WriteLineAsync("Migration failed: " + exception.Message);
            return 1;
        }
    }
}
