using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>An acknowledged save is durable: kill -9 the gateway right after, restart it on the same data, and it is there.</summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9()
    {
        var acknowledged = new Dictionary<string, (long Version, string Closure)>();
        string token;
        GatewayProcess killed;
        await using (var gateway = await GatewayProcess.StartAsync(_dataDirectory))
        {
            killed = gateway;
            token = await gateway.TokenAsync("admin", ["FlowConfigAdmin"]);
            using var admin = gateway.PublicClient(token);

            // Several writes per config, some in parallel, so the last acknowledged version is what must survive.
            for (var round = 0; round < 3; round++)
            {
                var saves = Enumerable.Range(0, 10).Select(async i =>
                {
                    var id = $"crash/{i}";
                    var closure = round % 2 == 0 ? "true" : "false";
                    using var response = await admin.PostAsync(Documents.Path(id), Documents.Json(Documents.Branch(closure: closure)));
                    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
                    return (id, body["version"]!.GetValue<long>(), closure);
                });
                foreach (var (id, version, closure) in await Task.WhenAll(saves))
                    acknowledged[id] = (version, closure);
            }
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Documents.Path("crash/9"))).StatusCode);
            acknowledged.Remove("crash/9");

            gateway.KillHard();
        }

        await using var restarted = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: killed);
        // The development issuer's key is kept in the data directory too, so the old token still works.
        using var client = restarted.PublicClient(token);
        foreach (var (id, (version, closure)) in acknowledged)
        {
            using var response = await client.GetAsync(Documents.Path(id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var stored = await response.ReadObjectAsync();
            Assert.Equal(version, stored["version"]!.GetValue<long>());
            Assert.Equal(closure, stored["variables"]!["closure"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Documents.Path("crash/9"))).StatusCode);

        // No acknowledged write without its revision: every version is in the history, the delete too.
        foreach (var (id, (version, _)) in acknowledged)
        {
            var history = (await (await client.GetAsync(Documents.Path(id) + "/history")).ReadObjectAsync())["items"]!.AsArray();
            Assert.Equal(Enumerable.Range(1, (int)version).Reverse().Select(v => (long)v), history.Select(i => i!["version"]!.GetValue<long>()));
        }
        var deleted = (await (await client.GetAsync(Documents.Path("crash/9") + "/history")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal("delete", deleted[0]!["action"]!.GetValue<string>());
        var listed = (await (await client.GetAsync("/api/flow-config?pattern=crash/")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal(acknowledged.Keys.Order(StringComparer.Ordinal), listed.Select(i => i!["id"]!.GetValue<string>()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
