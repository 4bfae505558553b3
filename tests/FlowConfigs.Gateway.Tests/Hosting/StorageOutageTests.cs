using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// Storage going away behind a running gateway (its own dynalite process, killed): a write is a fast 503 problem with
/// Retry-After that tells the caller to re-read, never a 500, and GetConfig keeps answering from memory.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly DynaliteFixture _dynalite = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-outage-" + Guid.NewGuid().ToString("N"));
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync()
    {
        await _dynalite.InitializeAsync();
        _gateway = await GatewayProcess.StartAsync(_dataDirectory, settings: new Dictionary<string, string>
        {
            ["FlowConfigs__Storage__Provider"] = "DynamoDB",
            ["FlowConfigs__Storage__DynamoDB__ServiceUrl"] = _dynalite.ServiceUrl,
            ["FlowConfigs__Storage__DynamoDB__Region"] = "us-east-1",
            ["FlowConfigs__Storage__DynamoDB__CreateTables"] = "true",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        });
    }

    [Fact]
    public async Task Writes_answer_503_with_retry_after_while_reads_go_on()
    {
        using var admin = _gateway.PublicClient(await _gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        using var getConfig = _gateway.InternalClient();
        Assert.Equal(HttpStatusCode.OK, (await getConfig.GetAsync("/internal/config/%2B18005551234")).StatusCode);
        var existing = await (await admin.GetAsync(Documents.Path("branch-office-austin"))).ReadObjectAsync();

        await _dynalite.DisposeAsync();

        foreach (var (id, document) in new[] { ("branch-office-austin", existing), (Documents.NewId("outage"), Documents.Branch()) })
        {
            using var save = await admin.PostAsync(Documents.Path(id), Documents.Json(document));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            Assert.Equal("application/problem+json", save.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(1), save.Headers.RetryAfter?.Delta);
            Assert.Contains("read the config again", (await save.ReadObjectAsync())["detail"]!.GetValue<string>());
        }

        // A config this silo already serves answers from memory; storage is not asked.
        var map = await (await getConfig.GetAsync("/internal/config/%2B18005551234")).ReadMapAsync();
        Assert.NotEmpty(map);
        Assert.False(_gateway.HasExited);
        Assert.DoesNotContain(_gateway.ErrorLines, line => line.Contains("ExceptionHandlerMiddleware", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _dynalite.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
