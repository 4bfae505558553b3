using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;
using static FlowConfigs.Gateway.Tests.ChangeControl.Drafts;
using static FlowConfigs.Gateway.Tests.FlowConfigs.Documents;

namespace FlowConfigs.Gateway.Tests.ChangeControl;

/// <summary>
/// The task hosting configs with scheduled publishes is killed (kill -9, by its pid) before their time: the survivor
/// publishes them, none early and none much later, though the timers were lost with their activations and nobody asks.
/// </summary>
[Collection(FaultTimingCollection.Name)]
public sealed class ScheduledPublishFailoverTests(RedisServer redis, DynaliteFixture dynalite) : IClassFixture<RedisServer>, IClassFixture<DynaliteFixture>
{
    /// <summary>
    /// The keeper and the draft directory wake this often rather than every 30 s: the same path to the publish, with
    /// less waiting for it. A publish may be one period late, plus time for membership to declare the loss on a busy machine.
    /// </summary>
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromSeconds(2);

    private static readonly Dictionary<string, string> FastKeepAlive = new() { ["FlowConfigs__Cluster__KeepAlivePeriod"] = KeepAlivePeriod.ToString("c") };

    [Fact]
    public async Task Publishes_scheduled_on_a_killed_task_go_live_on_the_survivor()
    {
        await using var cluster = new GatewayCluster(redis, dynalite);
        var first = await cluster.StartAsync(FastKeepAlive);
        var second = await cluster.StartAsync(FastKeepAlive);
        var token = await first.TokenAsync("admin", ["FlowConfigAdmin"]);
        using var admin = first.PublicClient(token);

        var ids = Enumerable.Range(0, 8).Select(i => $"loss/{i}").ToList();
        var at = DateTimeOffset.UtcNow.AddSeconds(20);
        foreach (var id in ids)
        {
            await SaveAsync(admin, id, Branch());
            await PutDraftAsync(admin, id, Branch(closure: "true"));
            using var scheduled = await admin.PostAsync(DraftPath(id, "publish"), Json(new JsonObject { ["at"] = at.ToString("O") }));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, scheduled.StatusCode);
        }

        var ports = await cluster.ActivationPortsAsync(ids);
        var victimPort = ports.Values.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        var (victim, survivor) = victimPort == first.SiloPort ? (first, second) : (second, first);
        var hosted = ids.Where(id => ports.GetValueOrDefault(id) == victimPort).ToList();
        Assert.NotEmpty(hosted);
        Assert.True(DateTimeOffset.UtcNow < at - TimeSpan.FromSeconds(3), "the set-up took too long to kill before the publish time");
        victim.KillHard();

        // Nobody asks for these configs until well after their time (a request would activate one and publish it
        // then): membership notices the loss within seconds, and the survivor's keeper and draft directory wake them.
        var bound = KeepAlivePeriod + TimeSpan.FromSeconds(15);
        await Task.Delay(at + bound + TimeSpan.FromSeconds(5) - DateTimeOffset.UtcNow);
        using var reader = survivor.PublicClient(token);
        foreach (var id in hosted)
        {
            var top = (await reader.GetAsync(Path(id) + "/history").OkAsync())["items"]![0]!;
            Assert.Equal("publish", top["action"]!.GetValue<string>());
            Assert.InRange(top["at"]!.GetValue<DateTimeOffset>(), at, at + bound);
        }
        using var @internal = survivor.InternalClient();
        foreach (var id in hosted)
            Assert.Equal("true", (await (await @internal.GetAsync(InternalPath(id))).ReadMapAsync())["closure"]);
    }
}
