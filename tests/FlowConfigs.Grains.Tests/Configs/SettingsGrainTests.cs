using FlowConfigs.Domain.Settings;
using FlowConfigs.Grains.Settings;

namespace FlowConfigs.Grains.Tests.Configs;

[Collection(FlowConfigCluster.Name)]
public sealed class SettingsGrainTests(FlowConfigClusterFixture fixture)
{
    [Fact]
    public async Task Saves_with_versions_and_refuses_a_stale_one()
    {
        // A grain of its own: the shared cluster's real settings grain belongs to no single test.
        var grain = fixture.Grains.GetGrain<ISettingsGrain>("settings-test-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, (await grain.GetAsync()).Version);
        Assert.Empty((await grain.GetAsync()).Locales);

        var english = new AppSettings { Locales = [new Locale("en-US", "English (US)", ["Joanna"])] };
        var first = await grain.SaveAsync(english, expectedVersion: 0, "alice");
        var stale = await grain.SaveAsync(english with { FallbackLocale = "en-US" }, expectedVersion: 0, "bob");
        var second = await grain.SaveAsync(english with { FallbackLocale = "en-US" }, expectedVersion: 1, "bob");

        Assert.Equal(1, first.Saved!.Version);
        Assert.Equal(new SettingsSaveOutcome(null), stale);
        Assert.Equal(2, second.Saved!.Version);
        Assert.Equal("bob", (await grain.GetAsync()).UpdatedBy);
        Assert.Equal("en-US", (await grain.GetAsync()).FallbackLocale);
    }
}
