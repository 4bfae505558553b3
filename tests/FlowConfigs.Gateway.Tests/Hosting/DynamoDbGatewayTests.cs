using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using FlowConfigs.Grains.Storage.DynamoDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>The same gateway binary on DynamoDB storage, by configuration alone, against dynalite.</summary>
public sealed class DynamoDbGatewayTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-ddb-" + Guid.NewGuid().ToString("N"));
    private readonly string _tables = "gw" + Guid.NewGuid().ToString("N")[..10];

    private Dictionary<string, string> Settings(bool createTables = true) => new()
    {
        ["FlowConfigs__Storage__Provider"] = "DynamoDB",
        ["FlowConfigs__Storage__DynamoDB__ServiceUrl"] = dynalite.ServiceUrl,
        ["FlowConfigs__Storage__DynamoDB__Region"] = "us-east-1",
        ["FlowConfigs__Storage__DynamoDB__TableName"] = _tables + "-configs",
        ["FlowConfigs__Storage__DynamoDB__RevisionsTableName"] = _tables + "-revisions",
        ["FlowConfigs__Storage__DynamoDB__CreateTables"] = createTables ? "true" : "false",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    [Fact]
    public async Task Saves_history_and_GetConfig_survive_kill_9_on_DynamoDB()
    {
        string token;
        GatewayProcess killed;
        long version;
        await using (var gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: Settings()))
        {
            killed = gateway;
            token = await gateway.TokenAsync("admin", ["FlowConfigAdmin"]);
            using var admin = gateway.PublicClient(token);
            // Sample data was seeded into the empty table.
            Assert.Equal(HttpStatusCode.OK, (await gateway.PublicClient(token).GetAsync("/api/flow-config/branch-office-austin")).StatusCode);

            await Documents.SaveAsync(admin, "queue/ddb", Documents.Branch(closure: "false"));
            version = await Documents.SaveAsync(admin, "queue/ddb", Documents.Branch(closure: "true"));
            gateway.KillHard();
        }

        await using var restarted = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: killed, settings: Settings());
        using var client = restarted.PublicClient(token);
        var stored = await (await client.GetAsync(Documents.Path("queue/ddb"))).ReadObjectAsync();
        Assert.Equal(version, stored["version"]!.GetValue<long>());
        var history = (await (await client.GetAsync(Documents.Path("queue/ddb") + "/history")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal([2L, 1L], history.Select(i => i!["version"]!.GetValue<long>()));

        using var internalClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restarted.InternalPort}") };
        var map = await (await internalClient.GetAsync("/internal/config/queue%2Fddb")).ReadMapAsync();
        Assert.Equal("true", map["closure"]);
        var listed = (await (await client.GetAsync("/api/flow-config?pattern=queue/")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Contains("queue/ddb", listed.Select(i => i!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_migrate_command_moves_a_laptop_to_DynamoDB()
    {
        await using (var laptop = await GatewayProcess.StartAsync(_dataDirectory))
        {
            using var admin = laptop.PublicClient(await laptop.TokenAsync("admin", ["FlowConfigAdmin"]));
            await Documents.SaveAsync(admin, "queue/moved", Documents.Branch(closure: "false"));
            await Documents.SaveAsync(admin, "queue/moved", Documents.Branch(closure: "true"));
        }

        var (exitCode, output) = await GatewayProcess.RunCommandAsync("migrate-to-dynamodb", _dataDirectory, Settings());
        Assert.True(exitCode == 0, output);
        Assert.Contains("copied flowconfig/queue/moved (version 2, 2 revisions)", output);
        var rerun = await GatewayProcess.RunCommandAsync("migrate-to-dynamodb", _dataDirectory, Settings());
        Assert.Contains("skipped flowconfig/queue/moved: already in DynamoDB", rerun.Output);

        // The DynamoDB gateway gets an empty data directory: everything it shows came through the tables.
        await using var aws = await GatewayProcess.StartAsync(_dataDirectory + "-aws", settings: Settings());
        using var client = aws.PublicClient(await aws.TokenAsync("admin", ["FlowConfigAdmin"]));
        var history = (await (await client.GetAsync(Documents.Path("queue/moved") + "/history")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal([2L, 1L], history.Select(i => i!["version"]!.GetValue<long>()));
        using var internalClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{aws.InternalPort}") };
        Assert.Equal("true", (await (await internalClient.GetAsync("/internal/config/queue%2Fmoved")).ReadMapAsync())["closure"]);
    }

    [Fact]
    public async Task The_migrate_command_names_a_missing_table()
    {
        var (exitCode, output) = await GatewayProcess.RunCommandAsync("migrate-to-dynamodb", _dataDirectory, Settings(createTables: false));
        Assert.Equal(1, exitCode);
        Assert.Contains($"Migration failed: DynamoDB table '{_tables}-configs' does not exist", output);
    }

    [Fact]
    public async Task A_missing_table_stops_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(_dataDirectory, settings: Settings(createTables: false)));
        Assert.True(error.Message.Contains($"DynamoDB table '{_tables}-configs' does not exist"), error.Message);
    }

    [Fact]
    public async Task A_table_written_by_the_seed_project_starts_and_one_unreadable_item_is_out_of_service_alone()
    {
        var options = dynalite.Options(_tables);
        await new DynamoDbDocumentStore(Options.Create(options), dynalite.Client(options), TimeProvider.System, NullLogger<DynamoDbDocumentStore>.Instance)
            .CheckTablesAsync();
        var client = dynalite.Client(options);
        // The seed project's DocumentClient nests the settings under "settings"; its config items are flat.
        await client.PutItemAsync(options.TableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = "application-settings" },
            ["settings"] = new() { M = new() { ["locales"] = new() { L = [new() { M = new() {
                ["code"] = new() { S = "en-US" }, ["name"] = new() { S = "English" }, ["voices"] = new() { L = [new() { S = "Joanna" }] } } }] } } },
            ["lastModified"] = new() { S = "2026-03-01T10:00:00.000Z" },
            ["lastModifiedBy"] = new() { S = "seed-admin" },
        });
        await client.PutItemAsync(options.TableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = "seeded" },
            ["description"] = new() { S = "From the seed project" },
            ["variables"] = new() { M = new() { ["closure"] = new() { S = "true" } } },
            ["prompts"] = new() { M = new() { ["welcome"] = new() { M = new() { ["en-US"] = new() { M = new() { ["voice"] = new() { S = "Hi" } } } } } } },
        });
        await client.PutItemAsync(options.TableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = "broken" },
            ["variables"] = new() { S = "edited by hand into a string" },
        });

        await using var gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: Settings());
        using var admin = gateway.PublicClient(await gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        using var getConfig = gateway.InternalClient();

        var settings = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        Assert.Equal("en-US", settings["locales"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Joanna", settings["locales"]![0]!["voices"]![0]!.GetValue<string>());
        Assert.Equal("seed-admin", settings["updatedBy"]!.GetValue<string>());
        var seededResponse = await getConfig.GetAsync(Documents.InternalPath("seeded"));
        Assert.True(seededResponse.IsSuccessStatusCode, await seededResponse.Content.ReadAsStringAsync());
        Assert.Equal("true", (await seededResponse.ReadMapAsync())["closure"]);

        using (var broken = await getConfig.GetAsync(Documents.InternalPath("broken")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
            Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
            Assert.Contains("cannot be read", (await broken.ReadObjectAsync())["detail"]!.GetValue<string>());
            Assert.NotNull(broken.Headers.RetryAfter);
        }
        // The list still shows it, so an admin can find it; opening it is the same clear 503.
        var listed = (await (await admin.GetAsync("/api/flow-config")).ReadObjectAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["broken", "seeded"], listed);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync(Documents.Path("broken"))).StatusCode);

        // Readiness answers from its last background round: wait for a round after the bad item was met.
        JsonObject report = [];
        for (var round = 0; round < 50 && report["status"]?.GetValue<string>() != "Degraded"; round++)
        {
            using var ready = await getConfig.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            report = await ready.ReadObjectAsync();
            await Task.Delay(200);
        }
        Assert.Equal("Degraded", report["status"]!.GetValue<string>());
        Assert.Equal("Degraded", report["checks"]!["documents"]!["status"]!.GetValue<string>());
        Assert.Contains("flowconfig/broken", report["checks"]!["documents"]!["description"]!.GetValue<string>());

        // Saving the settings writes our layout over the seed's.
        settings["fallbackLocale"] = "en-US";
        // The other tool named Polly's voices; this gateway speaks with espeak-ng, which offers none of them.
        foreach (var locale in settings["locales"]!.AsArray())
            locale!["voices"] = new JsonArray();
        using var saved = await admin.PostAsync("/api/settings", Documents.Json(settings));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var item = (await client.GetItemAsync(options.TableName, new() { ["id"] = new AttributeValue { S = "application-settings" } })).Item;
        Assert.Equal(("en-US", "1"), (item["fallbackLocale"].S, item["version"].N));
        Assert.False(item.ContainsKey("settings"));
    }

    [Fact]
    public async Task A_save_blocked_by_a_stopped_writers_revision_says_so_and_when_to_retry()
    {
        await using var gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: Settings());
        using var admin = gateway.PublicClient(await gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("leased");
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "false"));

        // What a task killed between its two writes leaves behind: revision 2, uncommitted, its lease running.
        var options = dynalite.Options(_tables);
        await dynalite.Client(options).PutItemAsync(options.RevisionsTableName, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = id },
            ["version"] = new() { N = "2" },
            ["at"] = new() { S = DateTimeOffset.UtcNow.ToString("O") },
            ["by"] = new() { S = "admin" },
            ["action"] = new() { S = "save" },
            ["document"] = new() { M = new() { ["description"] = new() { S = "never committed" } } },
            ["writeId"] = new() { S = "a-task-that-died" },
            ["pendingUntil"] = new() { N = DateTimeOffset.UtcNow.AddSeconds(20).ToUnixTimeMilliseconds().ToString() },
        });

        var edit = Documents.Branch(closure: "true");
        edit["version"] = 1;
        using var blocked = await admin.PostAsync(Documents.Path(id), Documents.Json(edit));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.StatusCode);
        var detail = (await blocked.ReadObjectAsync())["detail"]!.GetValue<string>();
        Assert.Contains("stopped half-way", detail);
        Assert.Contains("version 2", detail);
        Assert.InRange(blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 21);
        Assert.Equal("false", (await (await gateway.InternalClient().GetAsync(Documents.InternalPath(id))).ReadMapAsync())["closure"]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var directory in new[] { _dataDirectory, _dataDirectory + "-aws" })
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
