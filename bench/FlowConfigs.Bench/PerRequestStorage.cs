using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowConfigs.Bench;

/// <summary>
/// The seed project's design, made honest: every request reads the config from the same storage the gateway wrote
/// (the gateway's own SQLite provider, over its live file) instead of a grain's memory.
/// </summary>
internal sealed class PerRequestStorage(string dataDirectory)
{
    private readonly SqliteGrainStorage _storage = new(
        "bench", new SqliteGrainStorageOptions { DataDirectory = dataDirectory }, NullLogger<SqliteGrainStorage>.Instance);

    public async Task<FlowConfig?> ReadAsync(string id)
    {
        var state = new GrainState<FlowConfigState>();
        await _storage.ReadStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, id), state);
        return state.State?.Config;
    }
}
