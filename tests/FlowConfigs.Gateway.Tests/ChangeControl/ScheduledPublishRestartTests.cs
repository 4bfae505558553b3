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
        using var @internal = restarted.InternalClient();
        Assert.True(DateTimeOffset.UtcNow < at, "the restart took longer than the test allows for; the publish would be late, not missed");
        Assert.Equal("false", await GetConfigValueAsync(@internal, id, "closure"));

        var deadline = at.AddSeconds(30);
        string closure;
        do
        {
            await Task.Delay(250);
            closure = await GetConfigValueAsync(@internal, id, "closure");
        }
        while (closure != "true" && DateTimeOffset.UtcNow < deadline);
        Assert.Equal("true", closure);
        var history = await restarted.PublicClient(token).GetAsync(Path(id) + "/history").OkAsync();
        Assert.Equal("publish", history["items"]![0]!["action"]!.GetValue<string>());
        Assert.True(history["items"]![0]!["at"]!.GetValue<DateTimeOffset>() >= at, "published early");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
