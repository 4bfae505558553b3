using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Operations;

/// <summary>
/// Two gateway processes of one cluster (Redis membership, DynamoDB on dynalite): each lists both tasks with the other's
/// own report, and a task killed with SIGKILL stays on the list as dead.
/// </summary>
public sealed class ClusterViewTwoTasksTests(RedisServer redis, DynaliteFixture dynalite, ITestOutputHelper output)
    : IClassFixture<RedisServer>, IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly GatewayCluster _cluster = new(redis, dynalite);

    private static async Task<JsonArray> SilosAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/ops/cluster")).EnsureSuccessStatusCode().ReadObjectAsync())["silos"]!.AsArray();

    private static JsonObject Silo(JsonArray silos, int siloPort) =>
        Assert.Single(silos, s => s!["address"]!.GetValue<string>().Contains($":{siloPort}@", StringComparison.Ordinal))!.AsObject();

    [Fact]
    public async Task Each_task_lists_both_with_their_own_reports_and_a_killed_one_as_dead()
    {
        await using var first = await _cluster.StartAsync();
        await using var second = await _cluster.StartAsync();
        using var admin = first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("queue/ops");
        await SaveOnceSettledAsync(admin, id);

        var before = await SilosAsync(admin);
        Assert.Equal(["Active", "Active"], before.Select(s => s!["status"]!.GetValue<string>()));
        Assert.True(Silo(before, first.SiloPort)["isThisSilo"]!.GetValue<bool>());
        Assert.False(Silo(before, second.SiloPort)["isThisSilo"]!.GetValue<bool>());
        Assert.All(before, s => Assert.False(string.IsNullOrEmpty(s!["version"]?.GetValue<string>())));
        var secondHits = Silo(before, second.SiloPort)["readCopies"]!["hits"]!.GetValue<long>();

        // Reads through the second task are counted there, and the first learns of them from the second itself.
        using (var connect = second.InternalClient())
            for (var i = 0; i < 4; i++)
                Assert.Equal(HttpStatusCode.OK, (await connect.GetAsync(Documents.InternalPath(id))).StatusCode);
        var after = await SilosAsync(admin);
        var secondAfter = Silo(after, second.SiloPort)["readCopies"]!;
        // The first of the four may have fetched from the grain if the activation lives on the first task.
        Assert.InRange(secondAfter["hits"]!.GetValue<long>() - secondHits, 3, 4);
        Assert.Equal(Silo(before, first.SiloPort)["readCopies"]!["hits"]!.GetValue<long>(),
            Silo(after, first.SiloPort)["readCopies"]!["hits"]!.GetValue<long>());

        second.KillHard();
        var clock = Stopwatch.StartNew();
        JsonObject? dead = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            var silos = await SilosAsync(admin);
            if (Silo(silos, second.SiloPort) is { } lost && lost["status"]!.GetValue<string>() == "Dead")
            {
                dead = lost;
                Assert.Equal("Dead", silos[^1]!["status"]!.GetValue<string>());
                break;
            }
            await Task.Delay(250);
        }
        output.WriteLine($"The killed task was listed as dead {clock.Elapsed.TotalSeconds:F1} s after SIGKILL.");
        Assert.NotNull(dead);
        Assert.Null(dead["readCopies"]);
        Assert.Null(dead["uptimeSeconds"]);
        Assert.Null(dead["activations"]);
        Assert.Equal("Active", Silo(await SilosAsync(admin), first.SiloPort)["status"]!.GetValue<string>());
    }

    /// <summary>
    /// The first grain call after a task joins can outlast the call timeout on a loaded machine (a 503 that says so);
    /// the save is not what this test is about, so it is asked again, as the 503 tells a client to.
    /// </summary>
    private static async Task SaveOnceSettledAsync(HttpClient admin, string id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Documents.SaveAsync(admin, id, Documents.Branch());
                return;
            }
            catch (InvalidOperationException exception) when (attempt < 5 && exception.Message.Contains(": 503 ", StringComparison.Ordinal))
            {
                await Task.Delay(500);
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
