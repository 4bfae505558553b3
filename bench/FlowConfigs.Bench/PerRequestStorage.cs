using System.Text.Json;
using FlowConfigs.Domain;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Bench;

/// <summary>
/// The seed project's design, made honest: every request reads the config from the same storage the gateway wrote
/// (the gateway's own store, over its live SQLite file or DynamoDB table) instead of a grain's memory.
/// </summary>
internal sealed class PerRequestStorage(IDocumentStore store)
{
    public static PerRequestStorage Sqlite(string dataDirectory) => new(new SqliteDocumentStore(
        Options.Create(new SqliteStorageOptions { DataDirectory = dataDirectory }), NullLogger<SqliteDocumentStore>.Instance));

    public static PerRequestStorage DynamoDb(DynamoDbStorageOptions options) => new(new DynamoDbDocumentStore(
        Options.Create(options), DynamoDbStorageHosting.CreateClient(options), TimeProvider.System, NullLogger<DynamoDbDocumentStore>.Instance));

    public async Task<FlowConfig?> ReadAsync(string id) =>
        (await store.ReadAsync(new DocumentKey(FlowConfigGrain.Kind, id)))?.Body?.Deserialize<FlowConfig>(DomainJson.Options);
}
