using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Listing;
using Microsoft.Extensions.DependencyInjection;
using static FlowConfigs.Gateway.Tests.FlowConfigs.ListPages;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>The list is paged by the server: a cursor is a position in id order, and only readable configs fill a page.</summary>
public sealed class ListPagingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> ClientAsync(string username, string[] groups, string? read = null) =>
        fixture.PublicClient(await fixture.TokenAsync(username, groups, read: read));

    [Fact]
    public async Task Pages_of_the_limit_cover_every_config_once_in_id_order_and_the_last_has_no_cursor()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("paged") + "/";
        var ids = Enumerable.Range(0, 230).Select(i => prefix + i.ToString("x3")).ToArray();
        await Documents.SaveManyAsync(admin, ids);

        var pages = await AllPagesAsync(admin, "pattern=" + Uri.EscapeDataString(prefix) + "&limit=100");

        Assert.Equal([100, 100, 30], pages.Select(p => p.Length));
        Assert.Equal(ids.Order(StringComparer.Ordinal), pages.SelectMany(p => p));
        var (defaultPage, cursor) = await PageAsync(admin, "pattern=" + Uri.EscapeDataString(prefix));
        Assert.Equal(pages[0], defaultPage);
        Assert.NotNull(cursor);
        // A full last page knows it is the last: no cursor leading to an empty page.
        Assert.Single(await AllPagesAsync(admin, "pattern=" + Uri.EscapeDataString(prefix + "0") + "&limit=256"));
    }

    [Fact]
    public async Task Creates_and_deletes_between_pages_neither_repeat_nor_skip_the_configs_that_stay()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("moving") + "/";
        await Documents.SaveManyAsync(admin, Enumerable.Range(10, 20).Select(i => prefix + i));
        var pattern = "pattern=" + Uri.EscapeDataString(prefix) + "&limit=10";

        var (first, cursor) = await PageAsync(admin, pattern);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => prefix + i), first);
        // Before the cursor: one created, one deleted; after it: the next page's first config deleted, one created.
        await Documents.SaveAsync(admin, prefix + "00", Documents.Branch());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Documents.Path(prefix + "12"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Documents.Path(prefix + "20"))).StatusCode);
        await Documents.SaveAsync(admin, prefix + "255", Documents.Branch());

        var (second, last) = await PageAsync(admin, pattern + "&cursor=" + Uri.EscapeDataString(cursor!));

        Assert.Equal(new[] { 21, 22, 23, 24, 25, 255, 26, 27, 28, 29 }.Select(i => prefix + i), second);
        Assert.Null(last);
    }

    [Fact]
    public async Task A_tag_scoped_caller_gets_full_pages_of_what_they_may_read()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("mixed") + "/";
        // Every third config readable: a page of 40 needs several batches from the directory.
        var ids = Enumerable.Range(0, 300).Select(i => prefix + (i % 3 == 0 ? "r" : "h") + i.ToString("d3")).ToArray();
        await Documents.SaveManyAsync(admin, ids);
        var reader = await ClientAsync("rita", [], read: prefix + "r*");

        var pages = await AllPagesAsync(reader, "pattern=" + Uri.EscapeDataString(prefix) + "&limit=40");

        Assert.Equal([40, 40, 20], pages.Select(p => p.Length));
        Assert.Equal(ids.Where(id => id.StartsWith(prefix + "r", StringComparison.Ordinal)).Order(StringComparer.Ordinal), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task A_caller_who_may_read_little_of_a_large_list_gets_short_pages_that_still_lead_on()
    {
        // Directory entries alone are enough for the list (it never reads the configs); 12,000 of them made over HTTP
        // would take minutes.
        var prefix = Documents.NewId("sparse") + "/";
        var directory = fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IFlowConfigDirectoryGrain>(0);
        await Parallel.ForAsync(0, 12_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var id = prefix + (i == 11_000 ? "r" : "h") + i.ToString("d5");
            await directory.ApplyAsync(id, 1, new FlowConfigSummary(id, "d", 1, null, "seed"), []);
        });
        var reader = await ClientAsync("sam", [], read: prefix + "r*");

        var pages = await AllPagesAsync(reader, "pattern=" + Uri.EscapeDataString(prefix) + "&limit=10");

        Assert.Equal([prefix + "r11000"], pages.SelectMany(p => p));
        Assert.True(pages.Count > 1, "12,000 ids are more than one request looks at");
        Assert.Empty(pages[0]);
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "limit=0", "limit" },
        { "limit=1001", "limit" },
        { "limit=ten", "limit" },
        { "limit=-5", "limit" },
        { "limit=2.5", "limit" },
        { "limit=", "limit" },
        { "cursor=not*base64", "cursor" },
        { "cursor=" + Convert.ToBase64String([0xC3, 0x28]).TrimEnd('='), "cursor" },
        { "cursor=" + new string('A', 4000), "cursor" },
        { "cursor=", "cursor" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_limit_or_cursor_is_a_400_naming_it(string query, string field)
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);

        using var response = await admin.GetAsync("/api/flow-config?" + query);

        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, field, query);
    }

    [Fact]
    public async Task A_cursor_round_trips_every_id_character_in_ordinal_order()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("chars") + "/";
        string[] ids = [prefix + "a", prefix + "B", prefix + "+1800", prefix + "x/y", prefix + "a.b", prefix + "a:b", prefix + "a@b", prefix + "a_b", prefix + "a-b"];
        await Documents.SaveManyAsync(admin, ids);

        var pages = await AllPagesAsync(admin, "pattern=" + Uri.EscapeDataString(prefix) + "&limit=1");

        Assert.Equal(ids.Order(StringComparer.Ordinal), pages.SelectMany(p => p));
        Assert.Equal(ids.Length, pages.Count);
    }
}
