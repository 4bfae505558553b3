using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Schedules;

/// <summary>
/// The task hosting scheduled configs is killed (kill -9, by its pid) two seconds before their boundary: the survivor,
/// which no longer has anyone to tell it, switches its read copies on time by itself.
/// </summary>
[Collection(FaultTimingCollection.Name)]
public sealed class ScheduleFailoverTests(RedisServer redis, DynaliteFixture dynalite, ITestOutputHelper output)
    : IClassFixture<RedisServer>, IClassFixture<DynaliteFixture>
{
    private static readonly TimeSpan SwitchBound = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_survivor_switches_on_time_when_the_hosting_task_was_killed_just_before_the_boundary()
    {
        await using var cluster = new GatewayCluster(redis, dynalite);
        var first = await cluster.StartAsync();
        var second = await cluster.StartAsync();
        using var admin = first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"]));

        // Whole seconds, far enough ahead for the saves and the warm-up on a busy machine.
        var boundary = DateTimeOffset.UtcNow.AddSeconds(12);
        boundary = new DateTimeOffset(boundary.Ticks - boundary.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 12).Select(i => $"storm/{i}").ToList();
        foreach (var id in ids)
            await Documents.SaveAsync(admin, id, ClosingAt(boundary));

        var ports = await cluster.ActivationPortsAsync(ids);
        var victimPort = ports.Values.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        var (victim, survivor) = victimPort == first.SiloPort ? (first, second) : (second, first);
        var hosted = ids.Where(id => ports.GetValueOrDefault(id) == victimPort).ToList();
        Assert.NotEmpty(hosted);
        using var client = survivor.InternalClient();
        foreach (var id in hosted)
            Assert.Equal("false", await ClosureAsync(client, id));

        var killAt = boundary - TimeSpan.FromSeconds(2);
        Assert.True(DateTimeOffset.UtcNow < killAt, "the set-up took too long to kill before the boundary");
        await Task.Delay(killAt - DateTimeOffset.UtcNow);
        victim.KillHard();

        // Every hosted config is asked in turn until a second past the boundary; each answer is stamped with when it
        // was asked and when it came back (the gateway answered somewhere between the two).
        var answers = new List<(string Id, DateTimeOffset Asked, DateTimeOffset Answered, string? Closure)>();
        while (DateTimeOffset.UtcNow < boundary + SwitchBound + TimeSpan.FromSeconds(1))
            foreach (var id in hosted)
            {
                var asked = DateTimeOffset.UtcNow;
                var closure = await ClosureAsync(client, id);
                answers.Add((id, asked, DateTimeOffset.UtcNow, closure));
            }

        var early = answers.Where(a => a.Answered < boundary && a.Closure != "false").ToList();
        var late = answers.Where(a => a.Asked >= boundary + SwitchBound && a.Closure != "true").ToList();
        var firstClosed = answers.Where(a => a.Closure == "true").Select(a => a.Asked).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        output.WriteLine($"{hosted.Count} configs on the killed task; {answers.Count} answers through the survivor; " +
            $"the first closed answer was asked {(firstClosed - boundary).TotalMilliseconds:F0} ms after the boundary.");
        Assert.Empty(early);
        Assert.Empty(late);
        Assert.Contains(answers, a => a.Asked >= boundary + SwitchBound);
    }

    private static JsonObject ClosingAt(DateTimeOffset boundary)
    {
        var document = Documents.Branch();
        document["timeZone"] = "UTC";
        document["schedule"] = new JsonArray(new JsonObject
        {
            ["name"] = "Storm closure",
            ["start"] = boundary.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["end"] = boundary.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["variables"] = new JsonObject { ["closure"] = "true" },
        });
        return document;
    }

    /// <summary>The closure value served, or null for anything but a 200 (a fault is allowed: this test is about on-time answers).</summary>
    private static async Task<string?> ClosureAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(Documents.InternalPath(id));
        return response.StatusCode == HttpStatusCode.OK ? (await response.ReadMapAsync())["closure"] : null;
    }
}
