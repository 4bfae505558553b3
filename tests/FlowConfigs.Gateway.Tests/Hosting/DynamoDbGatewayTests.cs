using System.Net;
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

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var directory in new[] { _dataDirectory, _dataDirectory + "-aws" })
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
