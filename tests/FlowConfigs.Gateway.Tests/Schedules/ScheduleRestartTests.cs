using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Schedules;

/// <summary>A stored schedule comes back whole after a restart, on SQLite and on DynamoDB, and still applies.</summary>
public sealed class ScheduleRestartTests(RedisServer redis, DynaliteFixture dynalite) : IClassFixture<RedisServer>, IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-schedule-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task On_SQLite_after_kill_9()
    {
        const string id = "holidays/sqlite";
        GatewayProcess killed;
        string token;
        string saved;
        await using (var gateway = await GatewayProcess.StartAsync(_dataDirectory))
        {
            killed = gateway;
            token = await gateway.TokenAsync("admin", ["FlowConfigAdmin"]);
            saved = await SaveAsync(gateway.PublicClient(token), id);
            gateway.KillHard();
        }

        await using var restarted = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: killed);
        await AssertScheduleAsync(restarted.PublicClient(token), id, saved);
    }

    [Fact]
    public async Task On_DynamoDB_after_kill_9()
    {
        const string id = "holidays/dynamodb";
        await using var cluster = new GatewayCluster(redis, dynalite);
        var first = await cluster.StartAsync();
        var saved = await SaveAsync(first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"])), id);
        first.KillHard();

        var second = await cluster.StartAsync();
        await AssertScheduleAsync(second.PublicClient(await second.TokenAsync("admin", ["FlowConfigAdmin"])), id, saved);
    }

    /// <summary>Saves the holiday schedule and returns what the gateway answered for it, as JSON.</summary>
    private static async Task<string> SaveAsync(HttpClient admin, string id)
    {
        await Documents.SaveAsync(admin, id, ScheduleApiTests.Holidays());
        var stored = await (await admin.GetAsync(Documents.Path(id))).ReadObjectAsync();
        Assert.Equal(2, stored["schedule"]!.AsArray().Count);
        return Normalized(stored);
    }

    private static async Task AssertScheduleAsync(HttpClient admin, string id, string saved)
    {
        using var response = await admin.GetAsync(Documents.Path(id));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(saved, Normalized(await response.ReadObjectAsync()));
        var closed = await (await admin.GetAsync($"{Documents.Path(id)}/resolve?at=2026-12-25T12:00")).ReadMapAsync();
        Assert.Equal("true", closed["closure"]);
    }

    /// <summary>The document without what a restart may legitimately change about its transport.</summary>
    private static string Normalized(JsonObject stored) => new JsonObject
    {
        ["timeZone"] = stored["timeZone"]!.DeepClone(),
        ["schedule"] = stored["schedule"]!.DeepClone(),
        ["version"] = stored["version"]!.DeepClone(),
    }.ToJsonString();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
