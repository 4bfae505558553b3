using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Listing;

namespace FlowConfigs.Grains.Tests.Configs;

/// <summary>Finding text in the directory: any letter case, id/description/changed-by, and a bound on what one call looks at.</summary>
[Collection(FlowConfigCluster.Name)]
public sealed class DirectorySearchTests(FlowConfigClusterFixture fixture)
{
    private IFlowConfigDirectoryGrain Directory => fixture.Grains.GetGrain<IFlowConfigDirectoryGrain>(0);

    private async Task ListAsync(string id, string description, string? by = "x") =>
        await Directory.ApplyAsync(id, 1, new FlowConfigSummary(id, description, 1, null, by), []);

    [Fact]
    public async Task Text_matches_in_any_case_in_id_description_or_changed_by()
    {
        var prefix = SampleConfigs.NewId("find") + "/";
        await ListAsync(prefix + "branch-office-austin", "Main line");
        await ListAsync(prefix + "dallas", "Serves AUSTIN too");
        await ListAsync(prefix + "houston", "Main line", by: "austin.ops");
        await ListAsync(prefix + "plano", "Main line", by: null);
        await ListAsync(prefix + "waco", "Main line");
        await Directory.ApplyAsync(prefix + "waco", 2, null, []);

        var found = await Directory.FindAsync(prefix, "Austin", null, 10, 100);

        Assert.Equal([prefix + "branch-office-austin", prefix + "dallas", prefix + "houston"], found.Summaries.Select(s => s.Id));
        Assert.True(found.IsEnd);
        Assert.Equal(5, found.LookedAt);
    }

    [Fact]
    public async Task A_call_stops_after_looking_at_its_bound_and_says_where_to_resume()
    {
        var prefix = SampleConfigs.NewId("bound") + "/";
        for (var i = 0; i < 10; i++)
            await ListAsync(prefix + i, i == 7 ? "needle" : "hay");

        var first = await Directory.FindAsync(prefix, "needle", null, 5, 4);
        var second = await Directory.FindAsync(prefix, "needle", first.LastLookedAt, 5, 4);
        var third = await Directory.FindAsync(prefix, "needle", second.LastLookedAt, 5, 4);

        Assert.Empty(first.Summaries);
        Assert.Equal((4, prefix + "3", false), (first.LookedAt, first.LastLookedAt, first.IsEnd));
        Assert.Equal([prefix + "7"], second.Summaries.Select(s => s.Id));
        Assert.Equal((4, prefix + "7", false), (second.LookedAt, second.LastLookedAt, second.IsEnd));
        Assert.Empty(third.Summaries);
        Assert.Equal((2, true), (third.LookedAt, third.IsEnd));
    }

    [Fact]
    public async Task A_full_page_of_matches_stops_at_the_last_match()
    {
        var prefix = SampleConfigs.NewId("full") + "/";
        foreach (var name in new[] { "a", "b", "c", "d" })
            await ListAsync(prefix + name, "same");

        var found = await Directory.FindAsync(prefix, null, null, 2, 100);

        Assert.Equal([prefix + "a", prefix + "b"], found.Summaries.Select(s => s.Id));
        Assert.Equal((prefix + "b", false), (found.LastLookedAt, found.IsEnd));
    }
}
