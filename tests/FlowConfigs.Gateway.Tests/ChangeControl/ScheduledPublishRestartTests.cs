using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using static FlowConfigs.Gateway.Tests.ChangeControl.Drafts;
using static FlowConfigs.Gateway.Tests.FlowConfigs.Documents;

namespace FlowConfigs.Gateway.Tests.ChangeControl;

/// <summary>
/// A publish scheduled before a kill -9 still goes live at its time after the restart, though nobody asks for the
/// config: the draft directory reads the schedule from storage and wakes the config grain.
/// </summary>
public sealed class ScheduledPublishRestartTests : IAsyncLifetime
{
    private readonly string _dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flowconfigs-publish-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_scheduled_publish_survives_kill_9_and_goes_live_after_the_restart()
    {
        const string id = "open/restart-publish";
        GatewayProcess killed;
        string token;
        DateTimeOffset at;
        await using (var gateway = await GatewayProcess.StartAsync(_dataDirectory))
        {
            killed = gateway;
            token = await gateway.TokenAsync("admin", ["FlowConfigAdmin"]);
            var admin = gateway.PublicClient(token);
            await SaveAsync(admin, id, Branch());
            await PutDraftAsync(admin, id, Branch(closure: "true"));
            // Far enough ahead that the restart is over first; the kill comes right after the schedule is acknowledged.
            at = DateTimeOffset.UtcNow.AddSeconds(12);
            var scheduled = await admin.PostAsync(DraftPath(id, "publish"), Json(new JsonObject { ["at"] = at.ToString("O") }));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, scheduled.StatusCode);
            gateway.KillHard();
        }

        await using var restarted = await GatewayProcess.StartAsync(_dataDirectory, samePortsAs: killed);
        Assert.True(DateTimeOffset.UtcNow < at, "the restart took longer than the test allows for; the publish would be late, not missed");

        // Nobody asks for the config until well after its time (a request would activate it and publish it late):
        // the publish must have happened on time by itself.
        await Task.Delay(at + TimeSpan.FromSeconds(8) - DateTimeOffset.UtcNow);
        var history = await restarted.PublicClient(token).GetAsync(Path(id) + "/history").OkAsync();
        var top = history["items"]![0]!;
        Assert.Equal("publish", top["action"]!.GetValue<string>());
        var publishedAt = top["at"]!.GetValue<DateTimeOffset>();
        Assert.InRange(publishedAt, at, at + TimeSpan.FromSeconds(4));
        using var @internal = restarted.InternalClient();
        Assert.Equal("true", await GetConfigValueAsync(@internal, id, "closure"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
