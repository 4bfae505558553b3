using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Settings;
using FlowConfigs.Grains.Storage;
using Orleans.Storage;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>What every storage provider must do, run against each real provider (SQLite file, DynamoDB on dynalite).</summary>
public abstract class GrainStorageContract
{
    /// <summary>A provider instance over this test class's own store; several calls see the same data.</summary>
    protected abstract IGrainStorage Open(int keepRevisions = 0);

    protected static GrainId Id(string key) => GrainId.Create(FlowConfigGrain.GrainTypeName, key);

    protected string NewKey(string prefix = "k") => $"{prefix}-{Guid.NewGuid():N}";

    protected static GrainState<FlowConfigState> State(long version, string description = "d") => new(new FlowConfigState
    {
        Version = version,
        Config = Configs.SampleConfigs.Branch("x") with { Description = description, Version = version },
    });

    protected static GrainState<FlowConfigState> WithRevision(GrainState<FlowConfigState> state, long version, string description)
    {
        var document = Configs.SampleConfigs.Branch("x") with { Description = description, Version = version };
        state.State!.Config = document;
        state.State.Version = version;
        state.State.PendingRevision = new Revision(version, DateTimeOffset.UnixEpoch.AddDays(version), "alice", RevisionAction.Save, document);
        return state;
    }

    protected static async Task<GrainState<FlowConfigState>> ReadAsync(IGrainStorage storage, string key)
    {
        var state = new GrainState<FlowConfigState>();
        await storage.ReadStateAsync("config", Id(key), state);
        return state;
    }

    [Fact]
    public async Task Round_trips_state_with_etags_that_count_up()
    {
        var storage = Open();
        var key = NewKey();
        var missing = await ReadAsync(storage, key);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);
        Assert.NotNull(missing.State);

        var state = State(1);
        await storage.WriteStateAsync("config", Id(key), state);
        Assert.Equal("1", state.ETag);
        state.State!.Version = 2;
        state.State.Config = state.State.Config! with { Version = 2 };
        await storage.WriteStateAsync("config", Id(key), state);
        Assert.Equal("2", state.ETag);

        var read = await ReadAsync(storage, key);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(2, read.State!.Version);
        Assert.Equal(Configs.SampleConfigs.Json(state.State.Config! with { Id = key }), Configs.SampleConfigs.Json(read.State.Config! with { Id = key }));
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = Open();
        var key = NewKey();
        var first = State(1, "first");
        await storage.WriteStateAsync("config", Id(key), first);
        var copy = await ReadAsync(storage, key);
        await storage.WriteStateAsync("config", Id(key), first);

        copy.State!.Config = copy.State.Config! with { Description = "lost update" };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id(key), copy));
        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("first", (await ReadAsync(storage, key)).State!.Config!.Description);
    }

    [Fact]
    public async Task Inserting_over_an_existing_record_is_a_conflict()
    {
        var storage = Open();
        var key = NewKey();
        await storage.WriteStateAsync("config", Id(key), State(1, "kept"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id(key), State(1, "second create")));
        Assert.Equal("kept", (await ReadAsync(storage, key)).State!.Config!.Description);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_checks_the_etag()
    {
        var storage = Open();
        var key = NewKey();
        var state = State(1);
        await storage.WriteStateAsync("config", Id(key), state);
        var stale = new GrainState<FlowConfigState>(state.State) { ETag = "7" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("config", Id(key), stale));

        await storage.ClearStateAsync("config", Id(key), state);
        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync(storage, key)).RecordExists);
    }

    [Fact]
    public async Task A_deleted_config_keeps_its_version_as_a_tombstone()
    {
        var storage = Open();
        var key = NewKey();
        var state = State(1);
        await storage.WriteStateAsync("config", Id(key), state);
        state.State!.Config = null;
        state.State.Version = 2;
        await storage.WriteStateAsync("config", Id(key), state);

        var read = await ReadAsync(storage, key);
        Assert.True(read.RecordExists);
        Assert.Null(read.State!.Config);
        Assert.Equal(2, read.State.Version);
    }

    [Fact]
    public async Task Catalog_lists_every_config_in_key_order_and_not_the_settings()
    {
        var storage = Open();
        var prefix = NewKey("catalog");
        foreach (var key in new[] { "b", "a/x", "c" })
            await storage.WriteStateAsync("config", Id($"{prefix}/{key}"), State(1, key));
        var settings = new GrainState<SettingsState>(new SettingsState { Settings = new AppSettings { Locales = [new Locale("en-US", "English", ["Joanna"])] } });
        await storage.WriteStateAsync("settings", GrainId.Create("settings", ISettingsGrain.Key), settings);

        var mine = new List<(string Key, FlowConfigState State)>();
        await foreach (var item in ((IGrainStateCatalog)storage).ReadAllAsync<FlowConfigState>(FlowConfigGrain.GrainTypeName, "config"))
        {
            Assert.NotEqual(ISettingsGrain.Key, item.GrainKey);
            if (item.GrainKey.StartsWith(prefix, StringComparison.Ordinal)) mine.Add(item);
        }
        Assert.Equal(["a/x", "b", "c"], mine.Select(a => a.Key[(prefix.Length + 1)..]));
        Assert.Equal(["a/x", "b", "c"], mine.Select(a => a.State.Config!.Description));
    }

    [Fact]
    public async Task Settings_round_trip()
    {
        var storage = Open();
        var id = GrainId.Create("settings", ISettingsGrain.Key);
        var existing = new GrainState<SettingsState>();
        await storage.ReadStateAsync("settings", id, existing);
        var state = new GrainState<SettingsState>(new SettingsState
        {
            Settings = new AppSettings { Locales = [new Locale("es-US", "Español", ["Lupe", "Pedro"])], FallbackLocale = "es-US", Version = 3 },
        }) { ETag = existing.ETag };
        await storage.WriteStateAsync("settings", id, state);

        var read = new GrainState<SettingsState>();
        await storage.ReadStateAsync("settings", id, read);
        Assert.Equal("es-US", read.State!.Settings!.FallbackLocale);
        Assert.Equal(["Lupe", "Pedro"], read.State.Settings.Locales.Single().Voices);
        Assert.Equal(3, read.State.Settings.Version);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a'; DROP TABLE grain_state; --")]
    [InlineData("queue/technical-support")]
    [InlineData("ünïcødé ☎")]
    public async Task Hostile_keys_are_data(string key)
    {
        var storage = Open();
        var unique = NewKey(key);
        await storage.WriteStateAsync("config", Id(unique), State(1, "hostile"));
        Assert.Equal("hostile", (await ReadAsync(storage, unique)).State!.Config!.Description);
    }

    [Fact]
    public async Task A_second_instance_sees_every_acknowledged_write()
    {
        var writer = Open();
        var prefix = NewKey("durable");
        for (var i = 0; i < 10; i++)
            await writer.WriteStateAsync("config", Id($"{prefix}-{i}"), State(1, $"v{i}"));

        var reader = Open();
        for (var i = 0; i < 10; i++)
            Assert.Equal($"v{i}", (await ReadAsync(reader, $"{prefix}-{i}")).State!.Config!.Description);
    }

    [Fact]
    public async Task A_pending_revision_is_kept_with_the_state_and_not_in_it()
    {
        var storage = Open();
        var key = NewKey();
        var state = WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()), 1, "first");
        await storage.WriteStateAsync("config", Id(key), state);
        await storage.WriteStateAsync("config", Id(key), WithRevision(state, 2, "second"));

        var history = (IRevisionStore)storage;
        Assert.Equal([2L, 1L], (await history.ListAsync(FlowConfigGrain.GrainTypeName, key)).Select(r => r.Version));
        Assert.Equal("first", (await history.GetAsync(FlowConfigGrain.GrainTypeName, key, 1))!.Document.Description);
        Assert.Equal(RevisionAction.Save, (await history.GetAsync(FlowConfigGrain.GrainTypeName, key, 2))!.Action);
        Assert.Equal("alice", (await history.GetAsync(FlowConfigGrain.GrainTypeName, key, 2))!.By);
        Assert.Null((await ReadAsync(storage, key)).State!.PendingRevision);
    }

    [Fact]
    public async Task A_refused_write_leaves_no_visible_revision()
    {
        var storage = Open();
        var key = NewKey();
        await storage.WriteStateAsync("config", Id(key), WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()), 1, "first"));
        var stale = WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()) { ETag = "9" }, 2, "lost");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id(key), stale));

        var history = (IRevisionStore)storage;
        Assert.Equal([1L], (await history.ListAsync(FlowConfigGrain.GrainTypeName, key)).Select(r => r.Version));
        Assert.Null(await history.GetAsync(FlowConfigGrain.GrainTypeName, key, 2));
    }

    [Fact]
    public async Task Retention_keeps_the_newest_revisions()
    {
        var storage = Open(keepRevisions: 3);
        var key = NewKey();
        var state = new GrainState<FlowConfigState>(new FlowConfigState());
        for (var version = 1; version <= 5; version++)
            await storage.WriteStateAsync("config", Id(key), WithRevision(state, version, $"v{version}"));
        Assert.Equal([5L, 4L, 3L], (await ((IRevisionStore)storage).ListAsync(FlowConfigGrain.GrainTypeName, key)).Select(r => r.Version));
    }
}
