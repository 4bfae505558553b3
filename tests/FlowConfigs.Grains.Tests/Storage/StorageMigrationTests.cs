using System.Text.Json.Nodes;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.DynamoDb;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>The SQLite → DynamoDB migration: a laptop's documents of every kind with their history arrive whole, and a rerun changes nothing.</summary>
public sealed class StorageMigrationTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flowconfigs-migrate-" + Guid.NewGuid().ToString("N"));
    private readonly string _tables = "m" + Guid.NewGuid().ToString("N")[..12];
    private SqliteDocumentStore _sqlite = null!;

    public Task InitializeAsync()
    {
        _sqlite = new SqliteDocumentStore(Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), NullLogger<SqliteDocumentStore>.Instance);
        return Task.CompletedTask;
    }

    private DynamoDbDocumentStore Target()
    {
        var options = dynalite.Options(_tables);
        return new DynamoDbDocumentStore(Options.Create(options), dynalite.Client(options), TimeProvider.System, NullLogger<DynamoDbDocumentStore>.Instance);
    }

    private static DocumentKey Config(string id) => new("flowconfig", id);

    private async Task SaveAsync(DocumentKey key, long? expected, string? description, string action = "save")
    {
        var version = (expected ?? 0) + 1;
        var revision = new StoredRevision(version, DateTimeOffset.UnixEpoch.AddDays(version), "alice", action, new JsonObject { ["description"] = description ?? "was here" });
        var body = description is null ? null : new JsonObject { ["description"] = description };
        Assert.Equal(WriteStatus.Written, (await _sqlite.WriteAsync(key, new DocumentWrite(expected, body, revision))).Status);
    }

    [Fact]
    public async Task The_audit_log_is_copied_once_and_reads_the_same_in_DynamoDB()
    {
        var key = Config("audited");
        for (var version = 1L; version <= 3; version++)
        {
            var revision = new StoredRevision(version, DateTimeOffset.UnixEpoch.AddDays(version), "alice", "save", new JsonObject { ["description"] = $"v{version}" });
            var write = new DocumentWrite(version == 1 ? null : version - 1, new JsonObject { ["description"] = $"v{version}" }, revision)
            {
                Audit = new AuditRecord(new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero).AddMinutes(version), version == 2 ? "bob" : "alice",
                    "flowconfig", key.Id, version, "save", new JsonObject { ["emergency"] = new JsonObject { ["reason"] = $"r{version}" } }),
            };
            Assert.Equal(WriteStatus.Written, (await _sqlite.WriteAsync(key, write)).Status);
        }

        Assert.Equal(3, (await StorageMigration.CopyAsync(_sqlite, Target(), new StringWriter())).AuditLines);
        Assert.Equal(0, (await StorageMigration.CopyAsync(_sqlite, Target(), new StringWriter())).AuditLines);

        var copied = await Target().ListAuditAsync(new AuditQuery(Id: key.Id));
        Assert.Equal([(3L, "alice", "r3"), (2L, "bob", "r2"), (1L, "alice", "r1")],
            copied.Items.Select(a => (a.Record.Version!.Value, a.Record.By, a.Record.Details!["emergency"]!["reason"]!.GetValue<string>())));
        Assert.Single((await Target().ListAuditAsync(new AuditQuery(Id: key.Id, By: "bob"))).Items);
    }

    [Fact]
    public async Task Documents_history_tombstones_and_settings_are_copied_and_a_rerun_skips_them()
    {
        await SaveAsync(Config("branch-a"), null, "first");
        await SaveAsync(Config("branch-a"), 1, "second");
        await SaveAsync(Config("gone"), null, "was here");
        await SaveAsync(Config("gone"), 1, null, "delete");
        await SaveAsync(new DocumentKey("calendar", "holidays"), null, "a kind the migration never heard of");
        var settings = new JsonObject { ["locales"] = new JsonArray(new JsonObject { ["code"] = "en-GB", ["name"] = "English (UK)", ["voices"] = new JsonArray("Amy") }), ["fallbackLocale"] = "en-GB" };
        await _sqlite.WriteAsync(new DocumentKey("settings", "application-settings"), new DocumentWrite(null, settings));

        var log = new StringWriter();
        Assert.Equal(new StorageMigration.Result(4, 0), await StorageMigration.CopyAsync(_sqlite, Target(), log));

        var target = Target();
        var a = await target.ReadAsync(Config("branch-a"));
        Assert.Equal((2L, "second"), (a!.Version, a.Body!["description"]!.GetValue<string>()));
        Assert.Equal([2L, 1L], (await target.ListRevisionsAsync(Config("branch-a"))).Select(r => r.Version));
        Assert.Equal("first", (await target.ReadRevisionAsync(Config("branch-a"), 1))!.Document["description"]!.GetValue<string>());

        var gone = await target.ReadAsync(Config("gone"));
        Assert.Equal((2L, (JsonObject?)null), (gone!.Version, gone.Body));
        var deletion = await target.ReadRevisionAsync(Config("gone"), 2);
        Assert.Equal(("delete", "was here"), (deletion!.Action, deletion.Document["description"]!.GetValue<string>()));

        Assert.Equal("a kind the migration never heard of", (await target.ReadAsync(new DocumentKey("calendar", "holidays")))!.Body!["description"]!.GetValue<string>());
        var copiedSettings = await target.ReadAsync(new DocumentKey("settings", "application-settings"));
        Assert.Equal("en-GB", copiedSettings!.Body!["fallbackLocale"]!.GetValue<string>());
        Assert.Equal("Amy", copiedSettings.Body["locales"]![0]!["voices"]![0]!.GetValue<string>());

        // A write made in DynamoDB after the migration survives a second run.
        Assert.Equal(WriteStatus.Written, (await target.WriteAsync(Config("branch-a"), new DocumentWrite(2, new JsonObject { ["description"] = "edited in AWS" }))).Status);
        Assert.Equal(new StorageMigration.Result(0, 4), await StorageMigration.CopyAsync(_sqlite, Target(), log));
        Assert.Equal("edited in AWS", (await target.ReadAsync(Config("branch-a")))!.Body!["description"]!.GetValue<string>());
        Assert.Contains("skipped flowconfig/branch-a: already in DynamoDB", log.ToString());
    }

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
