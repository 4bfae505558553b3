using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>The storage contract on a real SQLite file in a temporary directory, plus what is SQLite's own.</summary>
public sealed class SqliteGrainStorageTests : GrainStorageContract, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flowconfigs-storage-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteGrainStorage> _opened = [];

    protected override IGrainStorage Open(int keepRevisions = 0)
    {
        var storage = new SqliteGrainStorage("test", new SqliteGrainStorageOptions { DataDirectory = _directory, KeepRevisions = keepRevisions },
            NullLogger<SqliteGrainStorage>.Instance);
        _opened.Add(storage);
        return storage;
    }

    [Fact]
    public async Task Any_grain_type_and_state_name_is_kept_apart()
    {
        var storage = Open();
        await storage.WriteStateAsync("config", Id("a"), State(1, "config"));
        await storage.WriteStateAsync("other", Id("a"), State(1, "other"));
        await storage.WriteStateAsync("config", GrainId.Create("elsewhere", "a"), State(1, "elsewhere"));

        var all = new List<string>();
        await foreach (var (_, state) in ((IGrainStateCatalog)storage).ReadAllAsync<FlowConfigState>(FlowConfigGrain.GrainTypeName, "config"))
            all.Add(state.Config!.Description);
        Assert.Equal(["config"], all);
    }

    [Fact]
    public async Task Keys_never_become_file_names()
    {
        var storage = Open();
        await storage.WriteStateAsync("config", Id("../../escape"), State(1));
        Assert.Equal(["flowconfigs.db", "flowconfigs.db-shm", "flowconfigs.db-wal"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_readable_json()
    {
        var storage = Open();
        await storage.WriteStateAsync("config", Id("a"), State(1, "readable"));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "flowconfigs.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT payload FROM grain_state WHERE grain_key = 'a'";
        Assert.Contains("\"description\":\"readable\"", (string?)await command.ExecuteScalarAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
            await storage.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
