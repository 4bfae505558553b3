using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>The store contract against DynamoDB's wire protocol (dynalite), plus the item layout and crash rules.</summary>
public sealed class DynamoDbDocumentStoreTests(DynaliteFixture dynalite) : UsageStorageContract, IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly string _tables = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeClock _clock = new();

    protected override IDocumentStore Open(int keepRevisions = 0) => Open(dynalite.Options(_tables, keepRevisions));

    private DynamoDbDocumentStore Open(DynamoDbStorageOptions options) =>
        new(Options.Create(options), dynalite.Client(options), _clock, NullLogger<DynamoDbDocumentStore>.Instance);

    public async Task InitializeAsync() => await Open(dynalite.Options(_tables)).CheckTablesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task PutRawAsync(string table, Dictionary<string, AttributeValue> item) =>
        dynalite.Client(dynalite.Options(_tables)).PutItemAsync(_tables + table, item);

    private async Task<Dictionary<string, AttributeValue>> RawItemAsync(string id) =>
        (await dynalite.Client(dynalite.Options(_tables)).GetItemAsync(_tables + "-configs", new() { ["id"] = new AttributeValue { S = id } })).Item;

    /// <summary>What a writer that died between its two writes leaves: revision 2 of <paramref name="id"/>, uncommitted, leased until <paramref name="until"/>.</summary>
    private Task PutStrandedRevisionAsync(string id, DateTimeOffset until) => PutRawAsync("-revisions", new()
    {
        ["id"] = new() { S = id },
        ["version"] = new() { N = "2" },
        ["at"] = new() { S = DateTimeOffset.UnixEpoch.ToString("O") },
        ["by"] = new() { S = "ghost" },
        ["action"] = new() { S = "save" },
        ["document"] = new() { M = new() { ["description"] = new() { S = "never committed" } } },
        ["writeId"] = new() { S = "ghost" },
        ["pendingUntil"] = new() { N = until.ToUnixTimeMilliseconds().ToString() },
    });

    [Fact]
    public async Task A_config_is_one_item_of_native_maps_keyed_by_its_id()
    {
        var id = NewId("layout");
        await Open().WriteAsync(Config(id), new DocumentWrite(null, Body("Readable")));

        var item = await RawItemAsync(id);
        Assert.Equal(id, item["id"].S);
        Assert.Equal("Readable", item["description"].S);
        Assert.Equal("false", item["variables"].M["closure"].S);
        Assert.Equal("<speak>Hi.</speak>", item["prompts"].M["greeting"].M["en-US"].M["voice"].S);
        Assert.Equal("1", item["version"].N);
        Assert.False(item.ContainsKey("deleted"));
    }

    [Fact]
    public async Task Kinds_map_to_item_ids_from_options()
    {
        var id = NewId("mapped");
        await Open().WriteAsync(new DocumentKey("calendar", id), new DocumentWrite(null, Body("holidays")));
        await Open().WriteAsync(new DocumentKey("settings", "anything"), new DocumentWrite(null, new() { ["locales"] = new System.Text.Json.Nodes.JsonArray() }));

        Assert.Equal("holidays", (await RawItemAsync("calendar#" + id))["description"].S);
        Assert.True((await RawItemAsync("application-settings")).ContainsKey("locales"));

        var options = dynalite.Options(_tables);
        options.ItemIds["calendar"] = "cal:{id}";
        await Open(options).WriteAsync(new DocumentKey("calendar", id), new DocumentWrite(null, Body("elsewhere")));
        Assert.Equal("elsewhere", (await RawItemAsync("cal:" + id))["description"].S);
    }

    [Fact]
    public async Task An_item_written_by_the_seed_project_is_adopted_at_version_zero()
    {
        var id = NewId("seed");
        await PutRawAsync("-configs", new()
        {
            ["id"] = new() { S = id },
            ["description"] = new() { S = "From the seed project" },
            ["variables"] = new() { M = new() { ["closure"] = new() { S = "true" } } },
            ["lastModified"] = new() { S = "2026-01-01T00:00:00Z" },
        });

        var store = Open();
        var read = await store.ReadAsync(Config(id));
        Assert.Equal(0, read!.Version);
        Assert.Equal("true", read.Body!["variables"]!["closure"]!.GetValue<string>());

        Assert.Equal(WriteStatus.Conflict, (await store.WriteAsync(Config(id), new DocumentWrite(null, Body("a second create")))).Status);
        Assert.Equal(WriteResult.Written(1), await store.WriteAsync(Config(id), new DocumentWrite(0, Body("adopted"))));
        Assert.Equal("1", (await RawItemAsync(id))["version"].N);
    }

    /// <summary>Each write is several requests to dynalite; a third of SQLite's volume still pages across months.</summary>
    protected override int AuditVolume => 1000;

    /// <summary>What a writer that died after writing its event but before confirming it leaves: the event, marked with its write.</summary>
    private Task PutPendingEventAsync(string id, long version, string writer, string eventId) => PutRawAsync("-revisions", new()
    {
        ["id"] = new() { S = "outbox#pending" },
        ["version"] = new() { N = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000).ToString() },
        ["eventId"] = new() { S = eventId },
        ["at"] = new() { S = DateTimeOffset.UtcNow.ToString("O") },
        ["subject"] = new() { S = "flowconfig/" + id },
        ["body"] = new() { M = new() { ["id"] = new() { S = id } } },
        ["ref"] = new() { S = id },
        ["refVersion"] = new() { N = version.ToString() },
        ["writeId"] = new() { S = writer },
    });

    [Fact]
    public async Task An_event_counts_only_once_its_own_write_landed_and_is_dropped_when_another_writer_took_its_version()
    {
        var store = Open();
        var key = Config(NewId("pending"));
        await store.WriteAsync(key, new DocumentWrite(null, Body("committed"), Revision(1, "committed")));

        // A writer died after its event, before its item (or the item write lost): version 2 is not stored.
        await PutStrandedRevisionAsync(key.Id, _clock.GetUtcNow().AddSeconds(30));
        await PutPendingEventAsync(key.Id, 2, "ghost", "ghost-event");
        Assert.DoesNotContain((await store.ListOutboxAsync(1000)), e => e.EventId == "ghost-event");

        // Another writer takes version 2 after the lease: the ghost's event can never count, and is dropped.
        _clock.Advance(TimeSpan.FromSeconds(31));
        await store.WriteAsync(key, new DocumentWrite(1, Body("real"), Revision(2, "real")));
        Assert.DoesNotContain((await store.ListOutboxAsync(1000)), e => e.EventId == "ghost-event");
        var raw = await dynalite.Client(dynalite.Options(_tables)).QueryAsync(new QueryRequest
        {
            TableName = _tables + "-revisions",
            KeyConditionExpression = "id = :id",
            ExpressionAttributeValues = new() { [":id"] = new() { S = "outbox#pending" } },
        });
        Assert.DoesNotContain(raw.Items, item => item["eventId"].S == "ghost-event");
    }

    [Fact]
    public async Task An_event_whose_write_landed_counts_though_its_writer_died_before_confirming_it()
    {
        var store = Open();
        var key = Config(NewId("landed"));
        var write = new DocumentWrite(null, Body("first"), Revision(1, "first")) { Writer = "stopped" };
        await store.WriteAsync(key, write);
        // As if the writer stopped right after its item: the event is still marked with the write.
        await PutPendingEventAsync(key.Id, 1, "stopped", "landed-event");

        var listed = Assert.Single(await store.ListOutboxAsync(1000), e => e.EventId == "landed-event");
        Assert.Equal(key.Id, listed.Body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_writer_that_stopped_between_revision_and_item_holds_the_version_until_its_lease_ends()
    {
        var store = Open();
        var key = Config(NewId("crash"));
        await store.WriteAsync(key, new DocumentWrite(null, Body("committed"), Revision(1, "committed")));

        // A writer that wrote revision 2 and died before the item.
        var until = _clock.GetUtcNow().AddSeconds(30);
        await PutStrandedRevisionAsync(key.Id, until);
        Assert.Equal([1L], (await store.ListRevisionsAsync(key)).Select(r => r.Version));
        Assert.Null(await store.ReadRevisionAsync(key, 2));

        var leased = await store.WriteAsync(key, new DocumentWrite(1, Body("too soon"), Revision(2, "too soon")));
        Assert.Equal(WriteStatus.Leased, leased.Status);
        Assert.Equal(1, leased.StoredVersion);
        Assert.Equal(until.ToUnixTimeMilliseconds(), leased.LeasedUntil!.Value.ToUnixTimeMilliseconds());
        Assert.Equal("committed", (await store.ReadAsync(key))!.Body!["description"]!.GetValue<string>());

        // The writer itself may take its own unfinished revision back (a retry after an unknown outcome).
        var ghost = new DocumentWrite(1, Body("the ghost retries"), Revision(2, "the ghost retries")) { Writer = "ghost" };
        Assert.Equal(WriteResult.Written(2), await store.WriteAsync(key, ghost));
        Assert.Equal("the ghost retries", (await store.ReadRevisionAsync(key, 2))!.Document["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_lease_the_next_writer_claims_the_version()
    {
        var store = Open();
        var key = Config(NewId("lease"));
        await store.WriteAsync(key, new DocumentWrite(null, Body("committed"), Revision(1, "committed")));
        await PutStrandedRevisionAsync(key.Id, _clock.GetUtcNow().AddSeconds(30));

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(WriteResult.Written(2), await store.WriteAsync(key, new DocumentWrite(1, Body("real"), Revision(2, "real"))));
        Assert.Equal("real", (await store.ReadRevisionAsync(key, 2))!.Document["description"]!.GetValue<string>());
        Assert.Equal([2L, 1L], (await store.ListRevisionsAsync(key)).Select(r => r.Version));
    }

    [Fact]
    public async Task A_committed_revision_is_never_replaced_by_a_stale_writer()
    {
        var store = Open();
        var key = Config(NewId("stale"));
        await store.WriteAsync(key, new DocumentWrite(null, Body("one"), Revision(1, "one")));
        await store.WriteAsync(key, new DocumentWrite(1, Body("two"), Revision(2, "two")));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new WriteResult(WriteStatus.Conflict, 2), await store.WriteAsync(key, new DocumentWrite(1, Body("stale two"), Revision(2, "stale two"))));
        Assert.Equal("two", (await store.ReadRevisionAsync(key, 2))!.Document["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_writer_that_stalls_past_its_lease_after_claiming_steps_back_instead_of_writing_under_another_writers_revision()
    {
        var key = Config(NewId("stall"));
        await Open().WriteAsync(key, new DocumentWrite(null, Body("committed"), Revision(1, "committed")));

        // Right after this writer claims revision 2, it stalls past its lease, and another writer takes the version
        // over (its item not written yet). Our item must not go live under that writer's revision.
        var options = dynalite.Options(_tables);
        var stalling = StallingClient.Create(dynalite.Client(options), async () =>
        {
            _clock.Advance(TimeSpan.FromSeconds(31));
            await PutRawAsync("-revisions", new()
            {
                ["id"] = new() { S = key.Id },
                ["version"] = new() { N = "2" },
                ["at"] = new() { S = _clock.GetUtcNow().ToString("O") },
                ["by"] = new() { S = "other" },
                ["action"] = new() { S = "save" },
                ["document"] = new() { M = new() { ["description"] = new() { S = "the other writer's" } } },
                ["writeId"] = new() { S = "other" },
                ["pendingUntil"] = new() { N = _clock.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds().ToString() },
            });
        });
        var stalled = new DynamoDbDocumentStore(Options.Create(options), stalling, _clock, NullLogger<DynamoDbDocumentStore>.Instance);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            stalled.WriteAsync(key, new DocumentWrite(1, Body("stalled"), Revision(2, "stalled")) { Writer = "stalled" }));
        Assert.Contains("nothing was written", error.Message);
        var store = Open();
        Assert.Equal("committed", (await store.ReadAsync(key))!.Body!["description"]!.GetValue<string>());
        Assert.Equal(1, (await store.ReadAsync(key))!.Version);
        // The other writer's claim is untouched and it can finish.
        var other = new DocumentWrite(1, Body("the other writer's"), Revision(2, "the other writer's")) { Writer = "other" };
        Assert.Equal(WriteResult.Written(2), await store.WriteAsync(key, other));
        Assert.Equal("the other writer's", (await store.ReadRevisionAsync(key, 2))!.Document["description"]!.GetValue<string>());
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

    [Fact]
    public async Task A_table_name_DynamoDB_refuses_is_reported_as_the_setting_not_as_unreachable_storage()
    {
        var options = dynalite.Options(_tables);
        options.TableName = "ab";
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Open(options).CheckTablesAsync());
        Assert.Contains("FlowConfigs:Storage:DynamoDB:TableName", error.Message);
        Assert.Contains("refused", error.Message);
        Assert.DoesNotContain("could not be reached", error.Message);
        Assert.DoesNotContain("credentials", error.Message);
    }

    [Fact]
    public async Task Storage_that_does_not_answer_is_unavailable_not_an_error_of_ours()
    {
        var options = dynalite.Options(_tables);
        options.ServiceUrl = "http://127.0.0.1:1";
        var store = Open(options);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ReadAsync(Config("x")));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.WriteAsync(Config("x"), new DocumentWrite(null, Body("x"), Revision(1, "x"))));
    }

    /// <summary>Runs <c>afterClaim</c> once, right after the first revision put returns: a writer stalled at that point.</summary>
    public class StallingClient : DispatchProxy
    {
        private IAmazonDynamoDB _inner = null!;
        private Func<Task>? _afterClaim;

        public static IAmazonDynamoDB Create(IAmazonDynamoDB inner, Func<Task> afterClaim)
        {
            var proxy = Create<IAmazonDynamoDB, StallingClient>();
            var stalling = (StallingClient)(object)proxy;
            (stalling._inner, stalling._afterClaim) = (inner, afterClaim);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var result = method!.Invoke(_inner, args);
            if (method.Name == nameof(IAmazonDynamoDB.PutItemAsync) && args![0] is PutItemRequest { TableName: var table }
                && table.EndsWith("-revisions", StringComparison.Ordinal) && Interlocked.Exchange(ref _afterClaim, null) is { } afterClaim)
                return ThenAsync((Task<PutItemResponse>)result!, afterClaim);
            return result;
        }

        private static async Task<PutItemResponse> ThenAsync(Task<PutItemResponse> put, Func<Task> afterClaim)
        {
            var response = await put;
            await afterClaim();
            return response;
        }
    }

    private sealed class FakeClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
