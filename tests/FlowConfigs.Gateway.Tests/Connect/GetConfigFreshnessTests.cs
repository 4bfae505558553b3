using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Connect;

/// <summary>
/// GetConfig answers from the active grain's snapshot without a grain call; it must still see every acknowledged
/// write at once, while callers keep reading during the writes.
/// </summary>
public sealed class GetConfigFreshnessTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Each_acknowledged_save_is_what_the_next_GetConfig_returns()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("fresh");
        var path = "/internal/config/" + Uri.EscapeDataString(id);
        await Documents.SaveAsync(admin, id, Documents.Branch(greeting: "round 0"));

        using var readers = new CancellationTokenSource();
        var background = Task.Run(async () =>
        {
            // Readers hammering the same config keep its snapshot hot while writes replace it.
            using var client = fixture.InternalClient();
            while (!readers.IsCancellationRequested)
                (await client.GetAsync(path)).EnsureSuccessStatusCode();
        });

        using var reader = fixture.InternalClient();
        for (var round = 1; round <= 25; round++)
        {
            using var save = await admin.PostAsync(Documents.Path(id), Documents.Json(Documents.Branch(greeting: $"round {round}")));
            Assert.True(save.IsSuccessStatusCode);
            Assert.Equal($"round {round}", (await (await reader.GetAsync(path)).ReadMapAsync())["greeting"]);
        }
        readers.Cancel();
        await background;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Documents.Path(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_refused_save_leaves_GetConfig_on_the_stored_version()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("fresh");
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "false"));

        var stale = new HttpRequestMessage(HttpMethod.Post, Documents.Path(id)) { Content = Documents.Json(Documents.Branch(closure: "true")) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);

        using var reader = fixture.InternalClient();
        Assert.Equal("false", (await (await reader.GetAsync("/internal/config/" + Uri.EscapeDataString(id))).ReadMapAsync())["closure"]);
    }
}
