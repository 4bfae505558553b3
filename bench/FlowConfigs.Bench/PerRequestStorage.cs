using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace FlowConfigs.Bench;

/// <summary>
/// The seed project's design, made honest: every request reads the config from the same storage the gateway wrote
/// (the gateway's own provider, over its live SQLite file or DynamoDB table) instead of a grain's memory.
/// </summary>
internal sealed class PerRequestStorage(IGrainStorage storage)
{
    public static PerRequestStorage Sqlite(string dataDirectory) => new(new SqliteGrainStorage(
        "bench", new SqliteGrainStorageOptions { DataDirectory = dataDirectory }, NullLogger<SqliteGrainStorage>.Instance));

    public static PerRequestStorage DynamoDb(DynamoDbStorageOptions options) => new(new DynamoDbGrainStorage(
        "bench", options, DynamoDbStorageHosting.CreateClient(options), TimeProvider.System, NullLogger<DynamoDbGrainStorage>.Instance));

    public async Task<FlowConfig?> ReadAsync(string id)
    {
        var state = new GrainState<FlowConfigState>();
        await storage.ReadStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, id), state);
        return state.State?.Config;
    }
}
