using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Listing;
using Microsoft.Extensions.DependencyInjection;
using static FlowConfigs.Gateway.Tests.FlowConfigs.ListPages;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary><c>q</c> finds configs by text anywhere in id, description or changed-by, in any letter case, page by page.</summary>
public sealed class ListSearchTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> ClientAsync(string username, string[] groups, string? read = null) =>
        fixture.PublicClient(await fixture.TokenAsync(username, groups, read: read));

    private static JsonObject Described(string description)
    {
        var document = Documents.Branch();
        document["description"] = description;
        return document;
    }

    [Fact]
    public async Task Text_is_found_in_any_case_anywhere_in_id_description_or_changed_by()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var token = Guid.NewGuid().ToString("N")[..10];
        var prefix = Documents.NewId("search") + "/";
        var inId = prefix + $"x-office-{token}";
        var inDescription = prefix + "b2";
        var byWhom = prefix + "b3";
        await Documents.SaveAsync(admin, inId, Described("Main line"));
        await Documents.SaveAsync(admin, inDescription, Described($"The {token.ToUpperInvariant()} branch main line"));
        await Documents.SaveAsync(admin, byWhom, Described("Main line"));
        await Documents.SaveAsync(await ClientAsync($"ops-{token}", ["FlowConfigAdmin"]), byWhom, Described("Main line, changed"));
        await Documents.SaveAsync(admin, prefix + "b4", Described("Main line"));

        // Without a pattern the whole directory is searched: pages may come back short, so follow every cursor.
        var mixedCase = (await AllPagesAsync(admin, "q=" + Uri.EscapeDataString(token[..5].ToUpperInvariant() + token[5..]))).SelectMany(p => p);
        var padded = (await AllPagesAsync(admin, "q=" + Uri.EscapeDataString($"  {token}  "))).SelectMany(p => p);
        var (withPattern, _) = await PageAsync(admin, $"q={token}&pattern=" + Uri.EscapeDataString(prefix + "b"));
        var (everyoneHere, _) = await PageAsync(admin, "q=MAIN+LINE&pattern=" + Uri.EscapeDataString(prefix));

        Assert.Equal([inDescription, byWhom, inId], mixedCase);
        Assert.Equal([inDescription, byWhom, inId], padded);
        Assert.Equal([inDescription, byWhom], withPattern);
        Assert.Equal([inDescription, byWhom, prefix + "b4", inId], everyoneHere);
    }

    [Fact]
    public async Task Cursors_page_through_the_matches_once_each_in_id_order_and_only_what_the_caller_may_read()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var token = Guid.NewGuid().ToString("N")[..10];
        var prefix = Documents.NewId("found") + "/";
        // Every third config mentions the token in its description; of those, the "r" ones are readable by the reader.
        var ids = Enumerable.Range(0, 90).Select(i => prefix + (i % 2 == 0 ? "r" : "h") + i.ToString("d2")).ToArray();
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (item, _) => await Documents.SaveAsync(admin, item.id, Described(item.i % 3 == 0 ? $"Line {token}" : "Other line")));
        var matching = ids.Where((_, i) => i % 3 == 0).Order(StringComparer.Ordinal).ToArray();
        var reader = await ClientAsync("rita", [], read: prefix + "r*");

        var here = "&pattern=" + Uri.EscapeDataString(prefix);
        var adminPages = await AllPagesAsync(admin, $"q={token.ToUpperInvariant()}&limit=7" + here);
        var readerPages = await AllPagesAsync(reader, $"q={token}&limit=4");

        Assert.Equal(matching, adminPages.SelectMany(p => p));
        Assert.Equal([7, 7, 7, 7, 2], adminPages.Select(p => p.Length));
        Assert.Equal(matching.Where(id => id.StartsWith(prefix + "r", StringComparison.Ordinal)), readerPages.SelectMany(p => p));
    }

    [Fact]
    public async Task A_rare_match_in_a_large_list_comes_on_short_pages_that_still_lead_on()
    {
        // Directory entries alone are enough for the list; 12,000 of them made over HTTP would take minutes.
        var token = Guid.NewGuid().ToString("N")[..10];
        var prefix = Documents.NewId("haystack") + "/";
        var directory = fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IFlowConfigDirectoryGrain>(0);
        await Parallel.ForAsync(0, 12_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var id = prefix + i.ToString("d5");
            await directory.ApplyAsync(id, 1, new FlowConfigSummary(id, i == 11_000 ? $"the {token} line" : "a line", 1, null, "seed"), []);
        });
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);

        var pages = await AllPagesAsync(admin, $"q={token}&pattern=" + Uri.EscapeDataString(prefix) + "&limit=10");

        Assert.Equal([prefix + "11000"], pages.SelectMany(p => p));
        Assert.True(pages.Count > 1, "12,000 entries are more than one request looks at");
        Assert.Empty(pages[0]);
    }

    [Fact]
    public async Task Text_longer_than_any_description_is_a_400_naming_q()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);

        using var response = await admin.GetAsync("/api/flow-config?q=" + new string('a', 1025));

        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "q", "1025 characters");
    }
}
