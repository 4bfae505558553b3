using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// Storage going away behind a running gateway (its own dynalite process, killed, then started again on the same
/// data): a write is a fast 503 problem with Retry-After, never a 500; every config the task serves keeps answering
/// GetConfig with its last acknowledged version, a failed save included; and once storage is back, saves go on.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-outage-" + Guid.NewGuid().ToString("N"));
    private readonly DynaliteFixture _dynalite;
    private GatewayProcess _gateway = null!;

    public StorageOutageTests() => _dynalite = new DynaliteFixture { DataPath = Path.Combine(_dataDirectory, "dynalite") };

    public async Task InitializeAsync()
    {
        await _dynalite.InitializeAsync();
        _gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: GatewayProcess.DynamoDbSettings(_dynalite.ServiceUrl));
    }

    [Fact]
    public async Task A_failed_save_keeps_the_last_acknowledged_version_serving_and_saves_resume_when_storage_returns()
    {
        using var admin = _gateway.PublicClient(await _gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        using var getConfig = _gateway.InternalClient();
        var (a, b) = (Documents.NewId("outage-a"), Documents.NewId("outage-b"));
        await Documents.SaveAsync(admin, a, Documents.Branch(closure: "false"));
        await Documents.SaveAsync(admin, b, Documents.Branch(closure: "false"));
        Assert.Equal("false", (await (await getConfig.GetAsync(Documents.InternalPath(a))).ReadMapAsync())["closure"]);

        await _dynalite.DisposeAsync();

        foreach (var (id, document, detail) in new[]
        {
            (a, Edit(closure: "true", version: 1), "Storage did not confirm the change"),
            (Documents.NewId("outage-new"), Documents.Branch(), "cannot be loaded"),
        })
        {
            using var save = await admin.PostAsync(Documents.Path(id), Documents.Json(document));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            Assert.Equal("application/problem+json", save.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(1), save.Headers.RetryAfter?.Delta);
            Assert.Contains(detail, (await save.ReadObjectAsync())["detail"]!.GetValue<string>());
        }

        // The save whose outcome is unknown takes nothing out of service: a and b keep their acknowledged version 1.
        for (var i = 0; i < 20; i++)
            foreach (var id in new[] { a, b })
            {
                using var response = await getConfig.GetAsync(Documents.InternalPath(id));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("false", (await response.ReadMapAsync())["closure"]);
            }
        var read = await admin.GetAsync(Documents.Path(a));
        Assert.Equal((HttpStatusCode.OK, "\"1\""), (read.StatusCode, read.Headers.ETag?.Tag));

        // A config not loaded yet cannot be: a fast 503 with Retry-After, not a 500 (and not a 404: storage may hold it).
        var cold = Documents.NewId("outage-cold");
        using (var unknown = await admin.GetAsync(Documents.Path(cold)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
            Assert.NotNull(unknown.Headers.RetryAfter);
        }

        await _dynalite.StartAsync();

        // Storage is back with what it had: the failed save did not land, so version 1 is current and the next save is 2.
        using var retry = await admin.PostAsync(Documents.Path(a), Documents.Json(Edit(closure: "true", version: 1)));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, (await retry.ReadObjectAsync())["version"]!.GetValue<long>());
        Assert.Equal("true", (await (await getConfig.GetAsync(Documents.InternalPath(a))).ReadMapAsync())["closure"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(cold))).StatusCode);

        Assert.False(_gateway.HasExited);
        Assert.DoesNotContain(_gateway.ErrorLines, line => line.Contains("ExceptionHandlerMiddleware", StringComparison.Ordinal));
    }

    private static System.Text.Json.Nodes.JsonObject Edit(string closure, long version)
    {
        var document = Documents.Branch(closure: closure);
        document["version"] = version;
        return document;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _dynalite.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
