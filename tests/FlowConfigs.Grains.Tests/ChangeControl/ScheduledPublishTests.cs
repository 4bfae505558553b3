using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Drafts;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Settings;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Tests.Configs;
using FlowConfigs.Grains.Tests.Schedules;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace FlowConfigs.Grains.Tests.ChangeControl;

/// <summary>
/// A publish at a time is a grain timer: it goes live on both silos at that second with nobody asking, and one that
/// can no longer go live (its base moved, or it lost its approvals) does not, saying why in the draft and the audit log.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
public sealed class ScheduledPublishTests(FakeClockCluster cluster)
{
    private async Task<string[]> ClosureEverywhereAsync(string id)
    {
        var answers = new List<string>();
        foreach (var copies in cluster.SiloCopies())
        {
            var (resolved, _) = await copies.ReadAsync(id, "en-US", ContactChannel.Voice, ResolveDefaults.None);
            answers.Add(JsonSerializer.Deserialize<Dictionary<string, string>>(resolved!.Utf8Json)!["closure"]);
        }
        return [.. answers];
    }

    /// <summary>The timer fires on its own thread after the clock moves: give it a moment of real time.</summary>
    private async Task<string[]> SettledClosureAsync(string id, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string[] answers;
        do
        {
            answers = await ClosureEverywhereAsync(id);
            if (answers.All(a => a == expected)) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return answers;
    }

    /// <summary>What an editor may change: a value (the description or the schema would need Full).</summary>
    private static FlowConfig Closed(string id) =>
        SampleConfigs.Branch(id) with { Variables = new Dictionary<string, string>(SampleConfigs.Branch(id).Variables) { ["closure"] = "true" } };

    private static IDocumentStore Store(FakeClockCluster cluster) =>
        ((InProcessSiloHandle)cluster.Cluster.Primary!).SiloHost.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task A_publish_at_a_time_goes_live_on_both_silos_then_and_not_before()
    {
        var id = SampleConfigs.NewId("publish-at");
        var grain = cluster.Grains.GetGrain<IFlowConfigGrain>(id);
        await grain.SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
        Assert.Equal(DraftStatus.Created, (await grain.SaveDraftAsync(Closed(id), SaveCondition.None, "alice", AccessLevel.Edit)).Status);
        await ClosureEverywhereAsync(id);

        var at = FakeClockCluster.Clock.GetUtcNow().AddHours(1);
        var scheduled = await grain.PublishDraftAsync(at, SaveCondition.None, "alice");
        Assert.Equal((DraftStatus.Scheduled, at), (scheduled.Status, scheduled.Draft!.PublishAt));

        FakeClockCluster.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.Equal(["false", "false"], await ClosureEverywhereAsync(id));

        FakeClockCluster.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["true", "true"], await SettledClosureAsync(id, "true"));
        var live = await grain.GetAsync();
        Assert.Equal((2L, at), (live!.Version, live.UpdatedAt));
        Assert.Equal(DraftStatus.NotFound, (await grain.GetDraftAsync()).Status);
        Assert.Equal(RevisionAction.Publish, (await grain.GetHistoryAsync()).Revisions[0].Action);
    }

    [Fact]
    public async Task A_scheduled_publish_that_lost_its_approval_does_not_go_live_and_says_why_in_the_draft_and_the_audit()
    {
        var settings = cluster.Grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key);
        var current = await settings.GetAsync();
        await settings.SaveAsync(current with { Approvals = [new ApprovalRule("approved/*", 1)] }, current.Version, "admin");

        var id = SampleConfigs.NewId("approved/publish");
        var grain = cluster.Grains.GetGrain<IFlowConfigGrain>(id);
        await grain.SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "admin", AccessLevel.Full, new ChangeOptions("set-up"));
        Assert.Equal(DraftStatus.Created, (await grain.SaveDraftAsync(Closed(id), SaveCondition.None, "alice", AccessLevel.Edit)).Status);
        await grain.ReviewDraftAsync(ReviewAction.Submit, null, SaveCondition.None, "alice");
        await grain.ReviewDraftAsync(ReviewAction.Approve, "ok", SaveCondition.None, "carol");
        var at = FakeClockCluster.Clock.GetUtcNow().AddMinutes(30);
        Assert.Equal(DraftStatus.Scheduled, (await grain.PublishDraftAsync(at, SaveCondition.None, "alice")).Status);

        // The rule now wants two approvals: at its time the draft has one.
        current = await settings.GetAsync();
        await settings.SaveAsync(current with { Approvals = [new ApprovalRule("approved/*", 2)] }, current.Version, "admin");
        FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(30));

        ConfigDraft? draft = null;
        for (var i = 0; i < 200 && draft?.OutOfDate is null; i++)
        {
            await Task.Delay(50);
            draft = (await grain.GetDraftAsync()).Draft;
        }
        Assert.Contains("did not go live", draft!.OutOfDate!.Reason);
        Assert.Null(draft.PublishAt);
        Assert.Equal(1, (await grain.GetAsync())!.Version);
        var audit = await Store(cluster).ListAuditAsync(new AuditQuery(Id: id, Action: "draft-publish-failed"));
        Assert.Contains("2 approvals", Assert.Single(audit.Items).Record.Details!["detail"]!.GetValue<string>());

        current = await settings.GetAsync();
        await settings.SaveAsync(current with { Approvals = null }, current.Version, "admin");
    }

    [Fact]
    public async Task A_live_change_before_the_time_cancels_the_scheduled_publish_and_the_draft_says_so()
    {
        var id = SampleConfigs.NewId("publish-moved");
        var grain = cluster.Grains.GetGrain<IFlowConfigGrain>(id);
        await grain.SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
        Assert.Equal(DraftStatus.Created, (await grain.SaveDraftAsync(Closed(id), SaveCondition.None, "alice", AccessLevel.Edit)).Status);
        var at = FakeClockCluster.Clock.GetUtcNow().AddMinutes(10);
        await grain.PublishDraftAsync(at, SaveCondition.None, "alice");

        await grain.SaveAsync(SampleConfigs.Branch(id) with { Description = "Direct" }, SaveCondition.None, "bob", AccessLevel.Full);
        var draft = (await grain.GetDraftAsync()).Draft!;
        Assert.Null(draft.PublishAt);
        Assert.Contains("cancelled", draft.OutOfDate!.Reason);

        FakeClockCluster.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Equal(("Direct", 2L), ((await grain.GetAsync())!.Description, (await grain.GetAsync())!.Version));
    }
}
