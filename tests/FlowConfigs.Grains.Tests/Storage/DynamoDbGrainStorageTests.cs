using Amazon.DynamoDBv2.Model;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>The storage contract against DynamoDB's wire protocol (dynalite), plus the item layout and crash rules.</summary>
public sealed class DynamoDbGrainStorageTests(DynaliteFixture dynalite) : GrainStorageContract, IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly string _tables = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeClock _clock = new();

    protected override IGrainStorage Open(int keepRevisions = 0) => Open(dynalite.Options(_tables, keepRevisions));

    private DynamoDbGrainStorage Open(DynamoDbStorageOptions options) =>
        new("test", options, dynalite.Client(options), _clock, NullLogger<DynamoDbGrainStorage>.Instance);

    public async Task InitializeAsync() => await Open(dynalite.Options(_tables)).CheckTablesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Dictionary<string, AttributeValue>> RawItemAsync(string id) =>
        (await dynalite.Client(dynalite.Options(_tables)).GetItemAsync(_tables + "-configs", new() { ["id"] = new AttributeValue { S = id } })).Item;

    [Fact]
    public async Task A_config_is_one_item_of_native_maps_keyed_by_id()
    {
        var storage = Open();
        var key = NewKey("layout");
        await storage.WriteStateAsync("config", Id(key), State(1, "Readable"));

        var item = await RawItemAsync(key);
        Assert.Equal(key, item["id"].S);
        Assert.Equal("Readable", item["description"].S);
        Assert.Equal("false", item["variables"].M["closure"].S);
        Assert.Equal("select", item["schema"].M["priority"].M["type"].S);
        Assert.Equal("<speak>Hello.</speak>", item["prompts"].M["greeting"].M["en-US"].M["voice"].S);
        Assert.Equal("1", item["version"].N);
        Assert.Equal("1", item["etag"].N);
        Assert.False(item.ContainsKey("config"));
    }

    [Fact]
    public async Task An_item_written_by_the_seed_project_is_adopted()
    {
        var key = NewKey("seed");
        var client = dynalite.Client(dynalite.Options(_tables));
        await client.PutItemAsync(_tables + "-configs", new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = key },
            ["description"] = new() { S = "From the seed project" },
            ["variables"] = new() { M = new() { ["closure"] = new() { S = "true" } } },
            ["prompts"] = new() { M = new() { ["welcome"] = new() { M = new() { ["en-US"] = new() { M = new() { ["voice"] = new() { S = "Hi" } } } } } } },
        });

        var storage = Open();
        var read = await ReadAsync(storage, key);
        Assert.True(read.RecordExists);
        Assert.Equal("0", read.ETag);
        Assert.Equal("true", read.State!.Config!.Variables["closure"]);
        Assert.Equal("Hi", read.State.Config.Prompts["welcome"]["en-US"].Voice);

        read.State.Version = 1;
        read.State.Config = read.State.Config with { Version = 1 };
        await storage.WriteStateAsync("config", Id(key), read);
        Assert.Equal("1", (await RawItemAsync(key))["etag"].N);
    }

    [Fact]
    public async Task A_crash_between_revision_and_item_shows_nothing_and_the_version_is_free_after_the_lease()
    {
        var storage = Open();
        var key = NewKey("crash");
        var committed = WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()), 1, "committed");
        await storage.WriteStateAsync("config", Id(key), committed);

        // A writer that wrote revision 2 and died before the item: simulate by a revision put the item never follows.
        var client = dynalite.Client(dynalite.Options(_tables));
        await client.PutItemAsync(_tables + "-revisions", new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = key },
            ["version"] = new() { N = "2" },
            ["at"] = new() { S = DateTimeOffset.UnixEpoch.ToString("O") },
            ["by"] = new() { S = "ghost" },
            ["action"] = new() { S = "save" },
            ["document"] = new() { M = new() { ["description"] = new() { S = "never committed" } } },
            ["writeId"] = new() { S = "ghost" },
            ["pendingUntil"] = new() { N = _clock.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds().ToString() },
        });

        var history = (IRevisionStore)storage;
        Assert.Equal([1L], (await history.ListAsync(FlowConfigGrain.GrainTypeName, key)).Select(r => r.Version));
        Assert.Null(await history.GetAsync(FlowConfigGrain.GrainTypeName, key, 2));

        // While the lease runs, version 2 is taken; after it, the next real writer claims it.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id(key), WithRevision(committed, 2, "too soon")));
        committed = await ReadAsync(storage, key);
        _clock.Advance(TimeSpan.FromSeconds(31));
        await storage.WriteStateAsync("config", Id(key), WithRevision(committed, 2, "real"));
        Assert.Equal("real", (await history.GetAsync(FlowConfigGrain.GrainTypeName, key, 2))!.Document.Description);
        Assert.Equal([2L, 1L], (await history.ListAsync(FlowConfigGrain.GrainTypeName, key)).Select(r => r.Version));
    }

    [Fact]
    public async Task A_committed_revision_is_never_replaced_by_a_stale_writer()
    {
        var storage = Open();
        var key = NewKey("stale");
        var state = WithRevision(new GrainState<FlowConfigState>(new FlowConfigState()), 1, "one");
        await storage.WriteStateAsync("config", Id(key), state);
        var stale = await ReadAsync(storage, key);
        await storage.WriteStateAsync("config", Id(key), WithRevision(state, 2, "two"));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("config", Id(key), WithRevision(stale, 2, "stale two")));
        Assert.Equal("two", (await ((IRevisionStore)storage).GetAsync(FlowConfigGrain.GrainTypeName, key, 2))!.Document.Description);
    }

    [Fact]
    public async Task A_missing_table_is_a_clear_start_up_error()
    {
        var options = dynalite.Options("missing" + Guid.NewGuid().ToString("N")[..8]);
        options.CreateTables = false;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Open(options).CheckTablesAsync());
        Assert.Contains(options.TableName, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    private sealed class FakeClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
