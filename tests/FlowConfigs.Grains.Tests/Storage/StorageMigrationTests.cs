using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Settings;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>The SQLite → DynamoDB migration: a laptop's configs, history and settings arrive whole, and a rerun changes nothing.</summary>
public sealed class StorageMigrationTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flowconfigs-migrate-" + Guid.NewGuid().ToString("N"));
    private readonly string _tables = "m" + Guid.NewGuid().ToString("N")[..12];
    private SqliteGrainStorage _sqlite = null!;

    public Task InitializeAsync()
    {
        _sqlite = new SqliteGrainStorage("source", new SqliteGrainStorageOptions { DataDirectory = _directory }, NullLogger<SqliteGrainStorage>.Instance);
        return Task.CompletedTask;
    }

    private DynamoDbGrainStorage Target()
    {
        var options = dynalite.Options(_tables);
        return new DynamoDbGrainStorage("target", options, dynalite.Client(options), TimeProvider.System, NullLogger<DynamoDbGrainStorage>.Instance);
    }

    private async Task SaveAsync(string key, long version, string description, RevisionAction action = RevisionAction.Save)
    {
        var state = new GrainState<FlowConfigState>(new FlowConfigState());
        await _sqlite.ReadStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, key), state);
        var document = Configs.SampleConfigs.Branch(key) with { Description = description, Version = version };
        state.State!.Config = action == RevisionAction.Delete ? null : document;
        state.State.Version = version;
        state.State.PendingRevision = new Revision(version, DateTimeOffset.UnixEpoch.AddDays(version), "alice", action, document);
        await _sqlite.WriteStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, key), state);
    }

    [Fact]
    public async Task Configs_history_tombstones_and_settings_are_copied_and_a_rerun_skips_them()
    {
        await SaveAsync("branch-a", 1, "first");
        await SaveAsync("branch-a", 2, "second");
        await SaveAsync("gone", 1, "was here");
        await SaveAsync("gone", 2, "was here", RevisionAction.Delete);
        var settings = new AppSettings { Locales = [new Locale("en-GB", "English (UK)", ["Amy"])], FallbackLocale = "en-GB", Version = 3 };
        await _sqlite.WriteStateAsync("settings", GrainId.Create("settings", ISettingsGrain.Key), new GrainState<SettingsState>(new SettingsState { Settings = settings }));

        var log = new StringWriter();
        var result = await StorageMigration.CopyAsync(_sqlite, Target(), log);
        Assert.Equal(new StorageMigration.Result(2, 0, true), result);

        var target = Target();
        var a = new GrainState<FlowConfigState>(new FlowConfigState());
        await target.ReadStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, "branch-a"), a);
        Assert.Equal("second", a.State!.Config!.Description);
        Assert.Equal(2, a.State.Version);
        var history = (IRevisionStore)target;
        Assert.Equal([2L, 1L], (await history.ListAsync(FlowConfigGrain.GrainTypeName, "branch-a")).Select(r => r.Version));
        Assert.Equal("first", (await history.GetAsync(FlowConfigGrain.GrainTypeName, "branch-a", 1))!.Document.Description);

        var gone = new GrainState<FlowConfigState>(new FlowConfigState());
        await target.ReadStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, "gone"), gone);
        Assert.Null(gone.State!.Config);
        Assert.Equal(2, gone.State.Version);
        var deletion = await history.GetAsync(FlowConfigGrain.GrainTypeName, "gone", 2);
        Assert.Equal(RevisionAction.Delete, deletion!.Action);
        Assert.Equal("was here", deletion.Document.Description);

        var copiedSettings = new GrainState<SettingsState>();
        await target.ReadStateAsync("settings", GrainId.Create("settings", ISettingsGrain.Key), copiedSettings);
        Assert.Equal("en-GB", copiedSettings.State!.Settings!.FallbackLocale);
        Assert.Equal(["Amy"], copiedSettings.State.Settings.Locales[0].Voices);

        // A write made in DynamoDB after the migration survives a second run.
        a.State.Config = a.State.Config with { Description = "edited in AWS", Version = 3 };
        a.State.Version = 3;
        await target.WriteStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, "branch-a"), a);
        Assert.Equal(new StorageMigration.Result(0, 2, false), await StorageMigration.CopyAsync(_sqlite, Target(), log));
        var after = new GrainState<FlowConfigState>(new FlowConfigState());
        await target.ReadStateAsync("config", GrainId.Create(FlowConfigGrain.GrainTypeName, "branch-a"), after);
        Assert.Equal("edited in AWS", after.State!.Config!.Description);
        Assert.Contains("skipped branch-a: already in DynamoDB", log.ToString());
    }

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
