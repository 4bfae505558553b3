using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Listing;
using FlowConfigs.Grains.Settings;

namespace FlowConfigs.Grains.Tests.Configs;

/// <summary>What a fresh cluster on the same data directory finds: configs, tombstones, the list and settings.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_new_cluster_rebuilds_the_list_and_keeps_versions_from_storage()
    {
        var first = await FlowConfigClusterFixture.StartAsync(_dataDirectory);
        try
        {
            foreach (var id in new[] { "b", "a", "gone" })
                await first.GrainFactory.GetGrain<IFlowConfigGrain>(id).SaveAsync(SampleConfigs.Branch(id), SaveCondition.None, "alice", AccessLevel.Full);
            await first.GrainFactory.GetGrain<IFlowConfigGrain>("gone").DeleteAsync(SaveCondition.None, "alice");
            await first.GrainFactory.GetGrain<ISettingsGrain>(ISettingsGrain.Key)
                .SaveAsync(new AppSettings
                {
                    Locales = [new Locale("en-US", "English (US)", ["Joanna"])],
                    FallbackLocale = "en-US",
                    TimeZone = "America/Chicago",
                    Approvals = [new ApprovalRule("queue/*", 2), new ApprovalRule("*", 1)],
                }, 0, "alice");
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await FlowConfigClusterFixture.StartAsync(_dataDirectory);
        try
        {
            var listed = (await second.GrainFactory.GetGrain<IFlowConfigDirectoryGrain>(0).PageAsync(null, null, 100)).Value;
            Assert.Equal(new[] { "a", "b" }, listed.Select(s => s.Id));

            var recreated = await second.GrainFactory.GetGrain<IFlowConfigGrain>("gone")
                .SaveAsync(SampleConfigs.Branch("gone"), SaveCondition.None, "alice", AccessLevel.Full);
            Assert.Equal(3, recreated.Config!.Version);

            var settings = await second.GrainFactory.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync();
            Assert.Equal("en-US", settings.FallbackLocale);
            Assert.Equal(1, settings.Version);
            Assert.Equal("America/Chicago", settings.TimeZone);
            Assert.Equal([new ApprovalRule("queue/*", 2), new ApprovalRule("*", 1)], settings.Approvals);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
