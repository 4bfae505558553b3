using System.Text.Json.Nodes;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>What every document store must do, run against each real provider (SQLite file, DynamoDB on dynalite).</summary>
public abstract class DocumentStoreContract
{
    /// <summary>A store over this test class's own data; several calls see the same data.</summary>
    protected abstract IDocumentStore Open(int keepRevisions = 0);

    protected static DocumentKey Config(string id) => new("flowconfig", id);

    protected static string NewId(string prefix = "k") => $"{prefix}-{Guid.NewGuid():N}";

    protected static JsonObject Body(string description) => new()
    {
        ["description"] = description,
        ["variables"] = new JsonObject { ["closure"] = "false" },
        ["prompts"] = new JsonObject { ["greeting"] = new JsonObject { ["en-US"] = new JsonObject { ["voice"] = "<speak>Hi.</speak>" } } },
    };

    protected static StoredRevision Revision(long version, string description, string action = "save") =>
        new(version, DateTimeOffset.UnixEpoch.AddDays(version), "alice", action, Body(description));

    [Fact]
    public async Task Round_trips_a_document_whose_version_counts_every_write()
    {
        var store = Open();
        var key = Config(NewId());
        Assert.Null(await store.ReadAsync(key));

        Assert.Equal(WriteResult.Written(1), await store.WriteAsync(key, new DocumentWrite(null, Body("first"))));
        Assert.Equal(WriteResult.Written(2), await store.WriteAsync(key, new DocumentWrite(1, Body("second"))));

        var read = await store.ReadAsync(key);
        Assert.Equal(2, read!.Version);
        Assert.Equal("second", read.Body!["description"]!.GetValue<string>());
        Assert.Equal("<speak>Hi.</speak>", read.Body["prompts"]!["greeting"]!["en-US"]!["voice"]!.GetValue<string>());
        // Storage owns the id and version fields of what it hands back.
        Assert.Equal(key.Id, read.Body["id"]!.GetValue<string>());
        Assert.Equal(2, read.Body["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_the_stored_one_and_changes_nothing()
    {
        var store = Open();
        var key = Config(NewId());
        await store.WriteAsync(key, new DocumentWrite(null, Body("first")));
        await store.WriteAsync(key, new DocumentWrite(1, Body("second")));

        Assert.Equal(new WriteResult(WriteStatus.Conflict, 2), await store.WriteAsync(key, new DocumentWrite(1, Body("lost update"))));
        Assert.Equal("second", (await store.ReadAsync(key))!.Body!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_over_an_existing_document_is_a_conflict()
    {
        var store = Open();
        var key = Config(NewId());
        await store.WriteAsync(key, new DocumentWrite(null, Body("kept")));
        Assert.Equal(WriteStatus.Conflict, (await store.WriteAsync(key, new DocumentWrite(null, Body("second create")))).Status);
        Assert.Equal("kept", (await store.ReadAsync(key))!.Body!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delete_keeps_the_version_as_a_tombstone_and_a_re_create_counts_on()
    {
        var store = Open();
        var key = Config(NewId());
        await store.WriteAsync(key, new DocumentWrite(null, Body("here")));
        await store.WriteAsync(key, new DocumentWrite(1, null));

        var tombstone = await store.ReadAsync(key);
        Assert.Equal(2, tombstone!.Version);
        Assert.Null(tombstone.Body);

        Assert.Equal(WriteResult.Written(3), await store.WriteAsync(key, new DocumentWrite(2, Body("back"))));
        Assert.Equal("back", (await store.ReadAsync(key))!.Body!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_kind_lists_its_documents_in_id_order_with_tombstones_and_nothing_of_other_kinds()
    {
        var store = Open();
        var prefix = NewId("list");
        foreach (var id in new[] { "b", "a/x", "c" })
            await store.WriteAsync(Config($"{prefix}/{id}"), new DocumentWrite(null, Body(id)));
        await store.WriteAsync(Config($"{prefix}/c"), new DocumentWrite(1, null));
        await store.WriteAsync(new DocumentKey("settings", "application-settings"), new DocumentWrite(null, new JsonObject { ["locales"] = new JsonArray() }));
        await store.WriteAsync(new DocumentKey("calendar", $"{prefix}/b"), new DocumentWrite(null, Body("a calendar")));

        var mine = new List<StoredDocument>();
        await foreach (var document in store.ListAsync("flowconfig"))
        {
            Assert.NotEqual("application-settings", document.Id);
            if (document.Id.StartsWith(prefix, StringComparison.Ordinal)) mine.Add(document);
        }
        Assert.Equal(["a/x", "b", "c"], mine.Select(d => d.Id[(prefix.Length + 1)..]));
        Assert.Equal(["a/x", "b"], mine.Where(d => d.Body is not null).Select(d => d.Body!["description"]!.GetValue<string>()));
        Assert.Equal(2, mine.Single(d => d.Body is null).Version);
    }

    [Fact]
    public async Task A_list_can_carry_only_the_fields_an_index_needs()
    {
        var store = Open();
        var prefix = NewId("projected");
        await store.WriteAsync(Config($"{prefix}/a"), new DocumentWrite(null, Body("kept")));
        await store.WriteAsync(Config($"{prefix}/b"), new DocumentWrite(null, Body("gone")));
        await store.WriteAsync(Config($"{prefix}/b"), new DocumentWrite(1, null));

        var mine = new List<StoredDocument>();
        await foreach (var document in store.ListAsync("flowconfig", ["description", "updatedBy"]))
            if (document.Id.StartsWith(prefix, StringComparison.Ordinal)) mine.Add(document);

        Assert.Equal([$"{prefix}/a", $"{prefix}/b"], mine.Select(d => d.Id));
        var body = mine[0].Body!;
        Assert.Equal("kept", body["description"]!.GetValue<string>());
        Assert.Null(body["variables"]);
        Assert.Null(body["prompts"]);
        Assert.Null(body["updatedBy"]);
        Assert.Equal((1L, $"{prefix}/a"), (body["version"]!.GetValue<long>(), body["id"]!.GetValue<string>()));
        Assert.Equal((2L, (JsonObject?)null), (mine[1].Version, mine[1].Body));
    }

    [Fact]
    public async Task A_new_kind_needs_nothing_from_the_provider_and_is_kept_apart_from_configs_of_the_same_id()
    {
        var store = Open();
        var id = NewId("shared-id");
        await store.WriteAsync(Config(id), new DocumentWrite(null, Body("the config"), Revision(1, "the config")));
        var calendar = new DocumentKey("calendar", id);
        await store.WriteAsync(calendar, new DocumentWrite(null, Body("the calendar"), Revision(1, "the calendar")));
        await store.WriteAsync(calendar, new DocumentWrite(1, Body("the calendar, edited"), Revision(2, "the calendar, edited")));

        Assert.Equal("the config", (await store.ReadAsync(Config(id)))!.Body!["description"]!.GetValue<string>());
        Assert.Equal(1, (await store.ReadAsync(Config(id)))!.Version);
        Assert.Equal("the calendar, edited", (await store.ReadAsync(calendar))!.Body!["description"]!.GetValue<string>());
        Assert.Equal([2L, 1L], (await store.ListRevisionsAsync(calendar)).Select(r => r.Version));
        Assert.Equal([1L], (await store.ListRevisionsAsync(Config(id))).Select(r => r.Version));

        var calendars = new List<string>();
        await foreach (var document in store.ListAsync("calendar"))
            calendars.Add(document.Id);
        Assert.Contains(id, calendars);
        await foreach (var document in store.ListAsync("flowconfig"))
            Assert.NotEqual("the calendar, edited", document.Body?["description"]?.GetValue<string>());
    }

    [Fact]
    public async Task Settings_round_trip()
    {
        var store = Open();
        var key = new DocumentKey("settings", "application-settings");
        var existing = await store.ReadAsync(key);
        var body = new JsonObject
        {
            ["locales"] = new JsonArray(new JsonObject { ["code"] = "es-US", ["name"] = "Español", ["voices"] = new JsonArray("Lupe", "Pedro") }),
            ["fallbackLocale"] = "es-US",
        };
        var written = await store.WriteAsync(key, new DocumentWrite(existing?.Version, body));
        Assert.Equal(WriteStatus.Written, written.Status);

        var read = await store.ReadAsync(key);
        Assert.Equal("es-US", read!.Body!["fallbackLocale"]!.GetValue<string>());
        Assert.Equal("Pedro", read.Body["locales"]![0]!["voices"]![1]!.GetValue<string>());
        Assert.Equal(written.StoredVersion, read.Version);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a'; DROP TABLE documents; --")]
    [InlineData("queue/technical-support")]
    [InlineData("ünïcødé ☎")]
    public async Task Hostile_ids_are_data(string id)
    {
        var store = Open();
        var key = Config(NewId(id));
        await store.WriteAsync(key, new DocumentWrite(null, Body("hostile")));
        Assert.Equal("hostile", (await store.ReadAsync(key))!.Body!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_instance_sees_every_acknowledged_write()
    {
        var writer = Open();
        var prefix = NewId("durable");
        for (var i = 0; i < 10; i++)
            await writer.WriteAsync(Config($"{prefix}-{i}"), new DocumentWrite(null, Body($"v{i}")));

        var reader = Open();
        for (var i = 0; i < 10; i++)
            Assert.Equal($"v{i}", (await reader.ReadAsync(Config($"{prefix}-{i}")))!.Body!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_revision_is_kept_with_its_write()
    {
        var store = Open();
        var key = Config(NewId());
        await store.WriteAsync(key, new DocumentWrite(null, Body("first"), Revision(1, "first")));
        await store.WriteAsync(key, new DocumentWrite(1, null, Revision(2, "first", "delete")));

        Assert.Equal([2L, 1L], (await store.ListRevisionsAsync(key)).Select(r => r.Version));
        var deletion = await store.ReadRevisionAsync(key, 2);
        Assert.Equal(("delete", "alice", DateTimeOffset.UnixEpoch.AddDays(2)), (deletion!.Action, deletion.By, deletion.At));
        Assert.Equal("first", deletion.Document["description"]!.GetValue<string>());
        Assert.Equal(new RevisionHeader(1, DateTimeOffset.UnixEpoch.AddDays(1), "alice", "save"), (await store.ListRevisionsAsync(key))[1]);
        Assert.Null(await store.ReadRevisionAsync(key, 3));
    }

    [Fact]
    public async Task A_refused_write_leaves_no_visible_revision()
    {
        var store = Open();
        var key = Config(NewId());
        await store.WriteAsync(key, new DocumentWrite(null, Body("first"), Revision(1, "first")));
        Assert.Equal(WriteStatus.Conflict, (await store.WriteAsync(key, new DocumentWrite(8, Body("lost"), Revision(9, "lost")))).Status);
        Assert.Equal(WriteStatus.Conflict, (await store.WriteAsync(key, new DocumentWrite(null, Body("lost"), Revision(1, "lost")))).Status);

        Assert.Equal([1L], (await store.ListRevisionsAsync(key)).Select(r => r.Version));
        Assert.Equal("first", (await store.ReadRevisionAsync(key, 1))!.Document["description"]!.GetValue<string>());
        Assert.Null(await store.ReadRevisionAsync(key, 9));
    }

    [Fact]
    public async Task Retention_keeps_the_newest_revisions()
    {
        var store = Open(keepRevisions: 3);
        var key = Config(NewId());
        for (var version = 1; version <= 5; version++)
            await store.WriteAsync(key, new DocumentWrite(version == 1 ? null : version - 1, Body($"v{version}"), Revision(version, $"v{version}")));
        Assert.Equal([5L, 4L, 3L], (await store.ListRevisionsAsync(key)).Select(r => r.Version));
    }

    /// <summary>How many audit lines the paging test writes; a provider that is slow to write in tests may write fewer.</summary>
    protected virtual int AuditVolume => 3000;

    protected static AuditRecord Audit(string id, long version, string by = "alice", string action = "save", DateTimeOffset? at = null) =>
        new(at ?? DateTimeOffset.UnixEpoch.AddDays(version), by, "flowconfig", id, version, action, new JsonObject { ["note"] = $"v{version}" });

    protected static OutboxEvent Event(string id, long version) =>
        new($"{id}-{version}", DateTimeOffset.UnixEpoch.AddDays(version), "flowconfig/" + id, new JsonObject { ["id"] = id, ["version"] = version });

    private static DocumentWrite Write(string id, long version, string by = "alice", DateTimeOffset? at = null) =>
        new(version == 1 ? null : version - 1, Body($"v{version}"), Revision(version, $"v{version}"))
        {
            Audit = Audit(id, version, by, at: at),
            Event = Event(id, version),
        };

    private static async Task<List<OutboxEvent>> EventsOfAsync(IDocumentStore store, string id) =>
        (await store.ListOutboxAsync(10_000)).Where(e => e.Subject == "flowconfig/" + id).ToList();

    [Fact]
    public async Task A_write_lists_its_audit_line_and_event_and_a_refused_write_lists_neither()
    {
        var store = Open();
        var key = Config(NewId("side"));
        Assert.Equal(WriteResult.Written(1), await store.WriteAsync(key, Write(key.Id, 1, "alice")));
        Assert.Equal(WriteStatus.Conflict, (await store.WriteAsync(key, Write(key.Id, 1, "mallory"))).Status);
        Assert.Equal(WriteResult.Written(2), await store.WriteAsync(key, Write(key.Id, 2, "bob")));

        var audit = await store.ListAuditAsync(new AuditQuery(Id: key.Id));
        Assert.Equal([("bob", 2L), ("alice", 1L)], audit.Items.Select(a => (a.Record.By, a.Record.Version!.Value)));
        Assert.Equal("v2", audit.Items[0].Record.Details!["note"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(2), audit.Items[0].Record.At);
        Assert.Null(audit.NextCursor);

        var events = await EventsOfAsync(store, key.Id);
        Assert.Equal([$"{key.Id}-1", $"{key.Id}-2"], events.Select(e => e.EventId));
        Assert.Equal(2, events[1].Body["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_removed_event_is_not_listed_again_and_the_rest_keep_their_order()
    {
        var store = Open();
        var key = Config(NewId("outbox"));
        for (var version = 1; version <= 3; version++)
            await store.WriteAsync(key, Write(key.Id, version));

        await store.RemoveOutboxAsync((await EventsOfAsync(store, key.Id))[0]);
        var left = await EventsOfAsync(store, key.Id);
        Assert.Equal([$"{key.Id}-2", $"{key.Id}-3"], left.Select(e => e.EventId));
        await store.RemoveOutboxAsync(left[0]);
        await store.RemoveOutboxAsync(left[0]);
        Assert.Equal([$"{key.Id}-3"], (await EventsOfAsync(Open(), key.Id)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Audit_pages_newest_first_across_thousands_of_lines_with_filters()
    {
        var store = Open();
        var id = NewId("paged");
        var start = new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero);
        // Writers alternate; times cross a month boundary so a provider that splits by month is paged across it.
        for (var version = 1; version <= AuditVolume; version++)
            await store.WriteAsync(Config(id), Write(id, version, version % 3 == 0 ? "carol" : "dave", start.AddMinutes(version * 5)));

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.ListAuditAsync(new AuditQuery(Id: id, Cursor: cursor, Limit: 200));
            seen.AddRange(page.Items.Select(a => a.Record.Version!.Value));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(1, AuditVolume).Reverse().Select(v => (long)v), seen);
        Assert.Equal((AuditVolume + 199) / 200, pages);

        var carol = await store.ListAuditAsync(new AuditQuery(Id: id, By: "carol", Limit: 5));
        Assert.Equal([AuditVolume / 3 * 3L, AuditVolume / 3 * 3L - 3, AuditVolume / 3 * 3L - 6, AuditVolume / 3 * 3L - 9, AuditVolume / 3 * 3L - 12],
            carol.Items.Select(a => a.Record.Version!.Value));

        // From is inclusive, to exclusive: versions 10 to 19 exactly.
        var window = await store.ListAuditAsync(new AuditQuery(Id: id, From: start.AddMinutes(50), To: start.AddMinutes(100), Limit: 100));
        Assert.Equal(Enumerable.Range(10, 10).Reverse().Select(v => (long)v), window.Items.Select(a => a.Record.Version!.Value));
        Assert.Empty((await store.ListAuditAsync(new AuditQuery(Id: id, Action: "delete"))).Items);
    }
}
