using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>
/// kill -9 of a gateway whose receiver is down, with acknowledged saves' events still in the outbox: after a restart
/// on the same storage every one of them is delivered, and none for a save that was refused.
/// </summary>
public sealed class ChangeEventKillTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private const string Secret = "kill-test-secret";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-events-kill-" + Guid.NewGuid().ToString("N"));
    private readonly WebhookReceiver _receiver = new();

    private Dictionary<string, string> Settings(Dictionary<string, string>? storage = null)
    {
        var settings = new Dictionary<string, string>(storage ?? [])
        {
            ["FlowConfigs__Events__Provider"] = "Webhook",
            ["FlowConfigs__Events__Webhook__Urls__0"] = _receiver.Url,
            ["FlowConfigs__Events__Webhook__Secret"] = Secret,
            ["FlowConfigs__Events__PollInterval"] = "00:00:00.500",
            ["FlowConfigs__Events__FirstRetryDelay"] = "00:00:00.200",
            ["FlowConfigs__Events__MaxRetryDelay"] = "00:00:01",
            ["FlowConfigs__SampleData__Enabled"] = "false",
        };
        return settings;
    }

    [Fact]
    public async Task On_SQLite_every_acknowledged_save_is_delivered_after_a_restart_and_no_refused_one() =>
        await KillAndRestartAsync(Settings());

    [Fact]
    public async Task On_DynamoDB_every_acknowledged_save_is_delivered_after_a_restart_and_no_refused_one()
    {
        var tables = "k" + Guid.NewGuid().ToString("N")[..10];
        var storage = GatewayProcess.DynamoDbSettings(dynalite.ServiceUrl);
        storage["FlowConfigs__Storage__DynamoDB__TableName"] = tables + "-configs";
        storage["FlowConfigs__Storage__DynamoDB__RevisionsTableName"] = tables + "-revisions";
        await KillAndRestartAsync(Settings(storage));
    }

    private async Task KillAndRestartAsync(Dictionary<string, string> settings)
    {
        var ids = new[] { "kill/a-" + Guid.NewGuid().ToString("N")[..6], "kill/b-" + Guid.NewGuid().ToString("N")[..6] };
        var acknowledged = new List<(string Id, long Version)>();
        GatewayProcess killed;
        string adminToken;
        await using (var gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: settings))
        {
            killed = gateway;
            adminToken = await gateway.TokenAsync("ada", ["FlowConfigAdmin"]);
            var admin = gateway.PublicClient(adminToken);
            var mallory = gateway.PublicClient(await gateway.TokenAsync("mallory", ["FlowConfigAdmin"]));
            for (var round = 1; round <= 4; round++)
            {
                foreach (var id in ids)
                    acknowledged.Add((id, await Saves.PutAsync(admin, id, $"round {round}")));
                if (round == 2)
                {
                    // Refused in the middle: a stale If-Match, and a body that does not validate.
                    await Saves.PutStaleAsync(mallory, ids[0], 1, "stale");
                    using var invalid = await mallory.PutAsync(Documents.Path(ids[1]), Documents.Json("""{"variables":{"closure":7}}"""));
                    Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
                }
            }
            // Nothing could be delivered: the receiver is not listening yet.
            Assert.Empty(_receiver.Deliveries);
            gateway.KillHard();
        }

        await _receiver.StartAsync();
        await using var restarted = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: killed, settings: settings);
        await _receiver.WaitForAcceptedAsync(acknowledged, TimeSpan.FromSeconds(30));

        var ours = _receiver.Accepted.Where(d => ids.Contains(d.Id)).ToArray();
        Assert.Equal(acknowledged.Order(), ours.Select(d => (d.Id, d.Version)).Distinct().Order());
        Assert.Equal(acknowledged.Count, ours.Select(d => d.EventId).Distinct().Count());
        Assert.DoesNotContain(ours, d => d.Event["by"]!.GetValue<string>() == "mallory");
        foreach (var delivery in ours)
            Assert.Equal(WebhookReceiver.ExpectedSignature(Secret, delivery.Body), delivery.Headers["x-flowconfigs-signature"]);
        foreach (var id in ids)
        {
            var versions = ours.Where(d => d.Id == id).Select(d => d.Version).ToArray();
            Assert.Equal(versions.Order(), versions);
        }

        // Delivered events leave the outbox: a second restart sends none of them again.
        var delivered = _receiver.Deliveries.Count;
        await WaitForQuietAsync();
        await restarted.DisposeAsync();
        await using var again = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: killed, settings: settings);
        using var admin2 = again.PublicClient(adminToken);
        var marker = (ids[0], await Saves.PutAsync(admin2, ids[0], "after"));
        await _receiver.WaitForAcceptedAsync([marker], TimeSpan.FromSeconds(30));
        Assert.Equal(delivered + 1, _receiver.Deliveries.Count);
    }

    /// <summary>Until the receiver has heard nothing new for a second (the dispatcher removed what it delivered).</summary>
    private async Task WaitForQuietAsync()
    {
        var count = -1;
        while (count != _receiver.Deliveries.Count)
        {
            count = _receiver.Deliveries.Count;
            await Task.Delay(1000);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
