using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Listing;

namespace FlowConfigs.Grains.Tests.Configs;

[Collection(FlowConfigCluster.Name)]
public sealed class DirectoryPageTests(FlowConfigClusterFixture fixture)
{
    private IFlowConfigDirectoryGrain Directory => fixture.Grains.GetGrain<IFlowConfigDirectoryGrain>(0);

    private async Task<string> ListedAsync(string prefix, params string[] names)
    {
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
            await Directory.ApplyAsync(prefix + name, 1, new FlowConfigSummary(prefix + name, "d" + i, 1, null, "x"), []);
        return prefix;
    }

    private async Task<string[]> PageAsync(string? prefix, string? after, int count) =>
        (await Directory.PageAsync(prefix, after, count)).Value.Select(s => s.Id).ToArray();

    [Fact]
    public async Task Pages_follow_ordinal_order_from_the_id_after_the_cursor()
    {
        var prefix = await ListedAsync(SampleConfigs.NewId("page") + "/", "b", "a", "B", "c", "d");

        Assert.Equal([prefix + "B", prefix + "a"], await PageAsync(prefix, null, 2));
        Assert.Equal([prefix + "b", prefix + "c"], await PageAsync(prefix, prefix + "a", 2));
        Assert.Equal([prefix + "d"], await PageAsync(prefix, prefix + "c", 2));
        Assert.Empty(await PageAsync(prefix, prefix + "d", 2));
    }

    [Fact]
    public async Task A_cursor_is_a_position_so_creates_and_deletes_elsewhere_never_shift_a_page()
    {
        var prefix = await ListedAsync(SampleConfigs.NewId("stable") + "/", "a", "b", "c", "d", "e");
        var first = await PageAsync(prefix, null, 2);

        // Before the cursor: one created, one deleted. After it: the id the next page would start with is deleted.
        await Directory.ApplyAsync(prefix + "0", 1, new FlowConfigSummary(prefix + "0", "new", 1, null, "x"), []);
        await Directory.ApplyAsync(prefix + "a", 2, null, []);
        await Directory.ApplyAsync(prefix + "c", 2, null, []);

        Assert.Equal([prefix + "a", prefix + "b"], first);
        Assert.Equal([prefix + "d", prefix + "e"], await PageAsync(prefix, first[^1], 2));
    }

    [Fact]
    public async Task A_cursor_before_the_prefix_starts_at_the_prefix_and_one_past_it_ends_the_list()
    {
        var prefix = await ListedAsync(SampleConfigs.NewId("bounds") + "/", "a", "b");

        Assert.Equal([prefix + "a", prefix + "b"], await PageAsync(prefix, "", 10));
        Assert.Equal([prefix + "a", prefix + "b"], await PageAsync(prefix, prefix[..^1], 10));
        Assert.Empty(await PageAsync(prefix, prefix + "z", 10));
        Assert.Equal([prefix + "b"], await PageAsync(null, prefix + "a", 1));
    }
}
