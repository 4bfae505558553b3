using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>Export streams a JSON array of what the caller may read; a failure once it has started breaks the download.</summary>
public sealed class ExportTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> ClientAsync(string username, string[] groups, string? read = null) =>
        fixture.PublicClient(await fixture.TokenAsync(username, groups, read: read));

    [Fact]
    public async Task Exporting_everything_streams_each_readable_config_as_a_read_returns_it_in_id_order()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("all") + "/";
        // More than one batch of ids from the directory.
        var ids = Enumerable.Range(0, 620).Select(i => prefix + i.ToString("d3")).ToArray();
        await Documents.SaveManyAsync(admin, ids);

        using var response = await admin.GetAsync("/api/flow-config/export");
        var exported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var ours = exported.Where(c => c!["id"]!.GetValue<string>().StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(ids, ours.Select(c => c!["id"]!.GetValue<string>()));
        var allIds = exported.Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(allIds.Order(StringComparer.Ordinal), allIds);
        foreach (var id in new[] { ids[0], ids[499], ids[500], ids[^1] })
        {
            var read = await (await admin.GetAsync(Documents.Path(id))).ReadObjectAsync();
            Assert.True(JsonNode.DeepEquals(read, ours.Single(c => c!["id"]!.GetValue<string>() == id)), id);
        }
    }

    [Fact]
    public async Task A_tag_scoped_caller_exports_only_what_they_may_read()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("scoped") + "/";
        await Documents.SaveManyAsync(admin, [prefix + "r1", prefix + "h1", prefix + "r2"]);
        var reader = await ClientAsync("rita", [], read: prefix + "r*");

        var exported = JsonNode.Parse(await reader.GetStringAsync("/api/flow-config/export"))!.AsArray();

        Assert.Equal([prefix + "r1", prefix + "r2"], exported.Select(c => c!["id"]!.GetValue<string>()));
        using var denied = await reader.GetAsync("/api/flow-config/export?ids=" + Uri.EscapeDataString(prefix + "r1," + prefix + "h1"));
        await BadInputTests.AssertProblemAsync(denied, HttpStatusCode.Forbidden, null, "one id the caller may not read");
    }

    [Fact]
    public async Task Exporting_named_ids_keeps_their_order_and_a_missing_one_is_a_404_before_any_byte()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("named") + "/";
        await Documents.SaveManyAsync(admin, [prefix + "a", prefix + "b"]);

        var exported = JsonNode.Parse(await admin.GetStringAsync("/api/flow-config/export?ids=" + Uri.EscapeDataString($"{prefix}b,{prefix}a")))!.AsArray();
        using var missing = await admin.GetAsync("/api/flow-config/export?ids=" + Uri.EscapeDataString($"{prefix}a,{prefix}gone"));

        Assert.Equal([prefix + "b", prefix + "a"], exported.Select(c => c!["id"]!.GetValue<string>()));
        var problem = await BadInputTests.AssertProblemAsync(missing, HttpStatusCode.NotFound, null, "an id nobody stored");
        Assert.Contains(prefix + "gone", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_config_that_cannot_be_read_after_the_array_started_breaks_the_download_instead_of_truncating_it()
    {
        var admin = await ClientAsync("admin", ["FlowConfigAdmin"]);
        var prefix = Documents.NewId("broken") + "/";
        var ids = Enumerable.Range(0, 200).Select(i => prefix + i.ToString("d3")).ToArray();
        await Documents.SaveManyAsync(admin, ids);
        // Storage changes under the gateway: one config's stored body becomes unreadable, and its grain goes away so
        // the export's read is the one that finds out.
        var grains = fixture.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var store = fixture.Services.GetRequiredService<IDocumentStore>();
        var key = new DocumentKey(FlowConfigGrain.Kind, ids[150]);
        var stored = (await store.ReadAsync(key))!;
        Assert.Equal(WriteStatus.Written, (await store.WriteAsync(key, new DocumentWrite(stored.Version, new JsonObject { ["description"] = 5 }))).Status);

        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await admin.GetAsync("/api/flow-config/export", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsStringAsync();
        });

        Assert.True(failure is HttpRequestException or IOException, $"the download should break, not end: {failure}");
        // The one config answers its own 503; the others still export.
        using var one = await admin.GetAsync(Documents.Path(ids[150]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, one.StatusCode);
        var rest = JsonNode.Parse(await admin.GetStringAsync("/api/flow-config/export?ids=" + Uri.EscapeDataString(string.Join(',', ids[..150]))))!.AsArray();
        Assert.Equal(150, rest.Count);
    }
}
