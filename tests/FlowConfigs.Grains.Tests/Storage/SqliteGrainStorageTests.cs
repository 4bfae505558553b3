using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>The SQLite provider on its own, against a real file in a temporary directory.</summary>
public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flowconfigs-storage-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteGrainStorage> _opened = [];

    private SqliteGrainStorage Open()
    {
        var storage = new SqliteGrainStorage("test", new SqliteGrainStorageOptions { DataDirectory = _directory }, NullLogger<SqliteGrainStorage>.Instance);
        _opened.Add(storage);
        return storage;
    }

    private static GrainId Id(string key) => GrainId.Create("flowconfig", key);

    private static GrainState<FlowConfigState> State(long version, string description = "d") => new(new FlowConfigState
    {
        Version = version,
        Config = Configs.SampleConfigs.Branch("x") with { Description = description, Version = version },
    });

    private static async Task<GrainState<FlowConfigState>> ReadAsync(SqliteGrainStorage storage, string key)
    {
        var state = new GrainState<FlowConfigState>();
        await storage.ReadStateAsync("config", Id(key), state);
        return state;
    }

    [Fact]
    public async Task Round_trips_state_with_etags_that_count_up()
    {
        var storage = Open();
        var missing = await ReadAsync(storage, "a");
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);
        Assert.NotNull(missing.State);

        var state = State(1);
        await storage.WriteStateAsync("config", Id("a"), state);
        Assert.Equal("1", state.ETag);
        state.State!.Version = 2;
        await storage.WriteStateAsync("config", Id("a"), state);
        Assert.Equal("2", state.ETag);

        var read = await ReadAsync(storage, "a");
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(2, read.State!.Version);
        Assert.Equal(Configs.SampleConfigs.Json(state.State!.Config!), Configs.SampleConfigs.Json(read.State!.Config!));
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = Open();
        var first = State(1, "first");
        await storage.WriteStateAsync("config", Id("a"), first);
        var copy = await ReadAsync(storage, "a");
        await storage.WriteStateAsync("config", Id("a"), first); // now at etag 2

        copy.State!.Config = copy.State!.Config! with { Description = "lost update" };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id("a"), copy));
        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("first", (await ReadAsync(storage, "a")).State!.Config!.Description);
    }

    [Fact]
    public async Task Inserting_over_an_existing_row_is_a_conflict()
    {
        var storage = Open();
        await storage.WriteStateAsync("config", Id("a"), State(1, "kept"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id("a"), State(1, "second create")));
        Assert.Equal("kept", (await ReadAsync(storage, "a")).State!.Config!.Description);
    }

    [Fact]
    public async Task Clear_removes_the_row_and_checks_the_etag()
    {
        var storage = Open();
        var state = State(1);
        await storage.WriteStateAsync("config", Id("a"), state);
        var stale = new GrainState<FlowConfigState>(state.State) { ETag = "7" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("config", Id("a"), stale));

        await storage.ClearStateAsync("config", Id("a"), state);
        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync(storage, "a")).RecordExists);
    }

    [Fact]
    public async Task Catalog_lists_one_state_of_one_grain_type_in_key_order()
    {
        var storage = Open();
        foreach (var key in new[] { "b", "a/x", "c" })
            await storage.WriteStateAsync("config", Id(key), State(1, key));
        await storage.WriteStateAsync("other", Id("z"), State(1));
        await storage.WriteStateAsync("config", GrainId.Create("settings", "application-settings"), State(1));

        var all = new List<(string Key, FlowConfigState State)>();
        await foreach (var item in storage.ReadAllAsync<FlowConfigState>("flowconfig", "config"))
            all.Add(item);
        Assert.Equal(["a/x", "b", "c"], all.Select(a => a.Key));
        Assert.Equal(["a/x", "b", "c"], all.Select(a => a.State!.Config!.Description));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a'; DROP TABLE grain_state; --")]
    [InlineData("queue/technical-support")]
    [InlineData("ünïcødé ☎")]
    public async Task Hostile_keys_are_data_not_paths_or_sql(string key)
    {
        var storage = Open();
        await storage.WriteStateAsync("config", Id(key), State(1, "hostile"));
        Assert.Equal("hostile", (await ReadAsync(storage, key)).State!.Config!.Description);
        Assert.Equal(["flowconfigs.db", "flowconfigs.db-shm", "flowconfigs.db-wal"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Long_keys_are_stored_whole()
    {
        var storage = Open();
        var key = new string('k', 128);
        await storage.WriteStateAsync("config", Id(key), State(1));
        Assert.True((await ReadAsync(storage, key)).RecordExists);
        Assert.False((await ReadAsync(storage, key[..127])).RecordExists);
    }

    [Fact]
    public async Task Another_instance_over_the_same_directory_sees_every_acknowledged_write()
    {
        var writer = Open();
        for (var i = 0; i < 20; i++)
            await writer.WriteStateAsync("config", Id($"k{i}"), State(1, $"v{i}"));

        var reader = Open();
        for (var i = 0; i < 20; i++)
            Assert.Equal($"v{i}", (await ReadAsync(reader, $"k{i}")).State!.Config!.Description);
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

    private static GrainState<FlowConfigState> WithRevision(GrainState<FlowConfigState> state, long version, string description)
    {
        var document = Configs.SampleConfigs.Branch("x") with { Description = description, Version = version };
        state.State!.Config = document;
        state.State.Version = version;
        state.State.PendingRevision = new Revision(version, DateTimeOffset.UnixEpoch.AddDays(version), "alice", RevisionAction.Save, document);
        return state;
    }

    [Fact]
    public async Task A_pending_revision_is_kept_with_the_state_and_not_in_it()
    {
        var storage = Open();
        var state = WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()), 1, "first");
        await storage.WriteStateAsync("config", Id("a"), state);
        await storage.WriteStateAsync("config", Id("a"), WithRevision(state, 2, "second"));

        var revisions = await storage.ListAsync("flowconfig", "a");
        Assert.Equal([2L, 1L], revisions.Select(r => r.Version));
        Assert.Equal("first", (await storage.GetAsync("flowconfig", "a", 1))!.Document.Description);
        Assert.Equal(RevisionAction.Save, (await storage.GetAsync("flowconfig", "a", 2))!.Action);
        Assert.Null((await ReadAsync(storage, "a")).State!.PendingRevision);
    }

    [Fact]
    public async Task A_refused_write_keeps_no_revision()
    {
        var storage = Open();
        var state = WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()), 1, "first");
        await storage.WriteStateAsync("config", Id("a"), state);
        var stale = WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()) { ETag = "9" }, 2, "lost");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id("a"), stale));

        Assert.Equal([1L], (await storage.ListAsync("flowconfig", "a")).Select(r => r.Version));
        Assert.Null(await storage.GetAsync("flowconfig", "a", 2));
    }

    [Fact]
    public async Task Retention_keeps_the_newest_revisions()
    {
        var storage = new SqliteGrainStorage("test", new SqliteGrainStorageOptions { DataDirectory = _directory, KeepRevisions = 3 }, NullLogger<SqliteGrainStorage>.Instance);
        _opened.Add(storage);
        var state = new GrainState<FlowConfigState>(new FlowConfigState());
        for (var version = 1; version <= 5; version++)
            await storage.WriteStateAsync("config", Id("a"), WithRevision(state, version, $"v{version}"));
        Assert.Equal([5L, 4L, 3L], (await storage.ListAsync("flowconfig", "a")).Select(r => r.Version));
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
