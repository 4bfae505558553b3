using FlowConfigs.Domain.Access;
using FlowConfigs.Grains.Configs;

namespace FlowConfigs.Grains.Tests.Configs;

/// <summary>What an activation costs: ids nobody stored go soon; rejected calls are sent once more.</summary>
[Collection(FlowConfigCluster.Name)]
public sealed class ActivationLifetimeTests(FlowConfigClusterFixture fixture)
{
    private async Task<bool> IsActiveAsync(string id)
    {
        var statistics = await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Any(s => s.GrainId == GrainId.Create(FlowConfigGrain.GrainTypeName, id));
    }

    private async Task<bool> GoneWithinAsync(string id, TimeSpan limit)
    {
        for (var waited = TimeSpan.Zero; waited < limit; waited += TimeSpan.FromMilliseconds(200))
        {
            if (!await IsActiveAsync(id)) return true;
            await Task.Delay(200);
        }
        return false;
    }

    [Fact]
    public async Task An_unknown_id_does_not_keep_its_activation_and_a_stored_one_does()
    {
        var unknown = SampleConfigs.NewId("unknown");
        var stored = SampleConfigs.NewId("stored");
        Assert.Null(await fixture.Grains.GetGrain<IFlowConfigGrain>(unknown).GetAsync());
        await fixture.Grains.GetGrain<IFlowConfigGrain>(stored).SaveAsync(SampleConfigs.Branch(stored), SaveCondition.None, "alice", AccessLevel.Full);
        Assert.True(await IsActiveAsync(unknown));

        // Collection runs on Orleans' own schedule (about every minute at most); the lifetime ends the activation itself.
        Assert.True(await GoneWithinAsync(unknown, FlowConfigClusterFixture.UnknownIdLifetime * 10));
        Assert.True(await IsActiveAsync(stored));
        Assert.Null(await fixture.Grains.GetGrain<IFlowConfigGrain>(unknown).GetAsync());
    }

    [Fact]
    public async Task A_call_rejected_before_it_ran_is_sent_once_more_and_only_once()
    {
        var id = SampleConfigs.NewId("rejected");
        var once = Guid.NewGuid().ToString("N");
        RequestContext.Set(RejectOnceFilter.Key, once);
        RequestContext.Set(RejectOnceFilter.Key + "-times", 1);
        try
        {
            var saved = await fixture.Grains.GetGrain<IFlowConfigGrain>(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
            Assert.Equal(SaveStatus.Created, saved.Status);
            Assert.Equal(2, RejectOnceFilter.Arrivals[once]);

            var twice = Guid.NewGuid().ToString("N");
            RequestContext.Set(RejectOnceFilter.Key, twice);
            RequestContext.Set(RejectOnceFilter.Key + "-times", 2);
            await Assert.ThrowsAsync<OrleansMessageRejectionException>(() => fixture.Grains.GetGrain<IFlowConfigGrain>(id).GetAsync());
            Assert.Equal(2, RejectOnceFilter.Arrivals[twice]);
        }
        finally
        {
            RequestContext.Clear();
        }
    }
}
