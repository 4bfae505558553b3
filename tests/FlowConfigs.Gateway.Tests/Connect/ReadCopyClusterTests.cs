using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Connect;

/// <summary>
/// Two gateway processes in one cluster (Redis membership, DynamoDB storage on dynalite): the one that does not host a
/// config's activation answers GetConfig from its own read copy, and every save through either gateway reaches the
/// other's answers within a second, never to go back.
/// </summary>
public sealed class ReadCopyClusterTests(RedisServer redis, DynaliteFixture dynalite, ITestOutputHelper output)
    : IClassFixture<RedisServer>, IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly GatewayCluster _cluster = new(redis, dynalite);

    private Task<GatewayProcess> StartAsync() => _cluster.StartAsync();

    private static string ConfigPath(string id) => "/internal/config/" + Uri.EscapeDataString(id);

    /// <summary>The greeting GetConfig answers (null for a 404) and where the gateway says the answer came from.</summary>
    private static async Task<(string? Greeting, string Source)> ReadAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(ConfigPath(id));
        var source = response.Headers.TryGetValues("Server-Timing", out var values) ? values.Single() : "none";
        if (response.StatusCode == HttpStatusCode.NotFound) return (null, source);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.ReadMapAsync())["greeting"], source);
    }

    [Fact]
    public async Task The_gateway_not_hosting_a_config_answers_from_its_read_copy_and_sees_every_save_within_a_second()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();
        var gateways = new[] { first, second };
        var admins = new[]
        {
            first.PublicClient(await first.TokenAsync("admin", ["FlowConfigAdmin"])),
            second.PublicClient(await second.TokenAsync("admin", ["FlowConfigAdmin"])),
        };
        var readers = gateways.Select(g => g.InternalClient()).ToArray();
        var id = Documents.NewId("queue/copies");
        await Documents.SaveAsync(admins[0], id, Documents.Branch(greeting: "round 0"));

        // The first answer may cost a grain call; after that each gateway answers from memory: the host from its
        // activation's snapshot, the other from its read copy.
        foreach (var reader in readers) await ReadAsync(reader, id);
        var sources = new List<string>();
        foreach (var reader in readers) sources.Add((await ReadAsync(reader, id)).Source);
        Assert.Equal(["getconfig;desc=copy", "getconfig;desc=local"], sources.Order());
        var other = sources[0] == "getconfig;desc=copy" ? 0 : 1;
        for (var i = 0; i < 200; i++)
            Assert.Equal(("round 0", "getconfig;desc=copy"), await ReadAsync(readers[other], id));

        // A reader on each gateway keeps asking through every save; what each sees may only move forward.
        using var stop = new CancellationTokenSource();
        var seen = gateways.Select(_ => new ConcurrentQueue<string?>()).ToArray();
        var background = Enumerable.Range(0, 2).Select(g => Task.Run(async () =>
        {
            using var client = gateways[g].InternalClient();
            while (!stop.IsCancellationRequested)
                seen[g].Enqueue((await ReadAsync(client, id)).Greeting);
        })).ToArray();

        for (var round = 1; round <= 6; round++)
        {
            // Alternate the gateway the save goes through, so each direction is covered whichever one hosts.
            var through = round % 2;
            await Documents.SaveAsync(admins[through], id, Documents.Branch(greeting: $"round {round}"));
            foreach (var g in new[] { 0, 1 })
            {
                var clock = Stopwatch.StartNew();
                string? greeting;
                while ((greeting = (await ReadAsync(readers[g], id)).Greeting) != $"round {round}" && clock.Elapsed < TimeSpan.FromSeconds(1))
                    await Task.Delay(10);
                output.WriteLine($"round {round}: saved through gateway {through}, gateway {g} answered it after {clock.Elapsed.TotalMilliseconds:F0} ms");
                Assert.Equal($"round {round}", greeting);
            }
        }
        // Once re-fetched, the non-hosting gateway is back on its read copy.
        Assert.Equal(("round 6", "getconfig;desc=copy"), await ReadAsync(readers[other], id));

        // A delete reaches the other gateway the same way: a 404 within a second, never the config again.
        using (var deleted = await admins[other].DeleteAsync(Documents.Path(id)))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var reader in readers)
        {
            var clock = Stopwatch.StartNew();
            while ((await ReadAsync(reader, id)).Greeting is not null && clock.Elapsed < TimeSpan.FromSeconds(1))
                await Task.Delay(10);
            Assert.Null((await ReadAsync(reader, id)).Greeting);
        }
        await Task.Delay(300);
        stop.Cancel();
        await Task.WhenAll(background);

        for (var g = 0; g < 2; g++)
        {
            var rounds = seen[g].Select(greeting => greeting is null ? int.MaxValue : int.Parse(greeting["round ".Length..])).ToArray();
            output.WriteLine($"gateway {g}: {rounds.Length} background reads");
            Assert.True(rounds.Length > 50, $"only {rounds.Length} background reads on gateway {g}");
            for (var i = 1; i < rounds.Length; i++)
                Assert.True(rounds[i] >= rounds[i - 1], $"gateway {g} went back from {Describe(rounds[i - 1])} to {Describe(rounds[i])} (read {i})");
        }
    }

    private static string Describe(int round) => round == int.MaxValue ? "deleted" : $"round {round}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
