using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Hosting;

public sealed class PortAndHealthTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Internal_routes_answer_only_on_the_internal_port()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/internal/config/branch-office-austin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/internal/connect", Documents.Json("""{"id":"branch-office-austin"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.InternalClient().GetAsync("/internal/config/branch-office-austin")).StatusCode);
    }

    [Fact]
    public async Task Api_routes_answer_only_on_the_public_port()
    {
        var token = await fixture.TokenAsync("admin", ["FlowConfigAdmin"]);
        var onInternal = fixture.InternalClient();
        onInternal.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.NotFound, (await onInternal.GetAsync("/api/flow-config")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onInternal.GetAsync("/api/init")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.PublicClient(token).GetAsync("/api/flow-config")).StatusCode);
    }

    [Fact]
    public async Task Health_answers_on_both_ports()
    {
        foreach (var client in new[] { fixture.PublicClient(null), fixture.InternalClient() })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
    }

    [Fact]
    public async Task Readiness_reports_each_dependency_of_the_embedded_defaults()
    {
        using var response = await fixture.InternalClient().GetAsync("/health/ready");
        var report = await response.ReadObjectAsync();
        Assert.Equal("Healthy", report["status"]!.GetValue<string>());
        var checks = report["checks"]!.AsObject();
        Assert.Equal(["authorization", "clustering", "documents", "events", "identity", "silo", "speech", "storage"], checks.Select(c => c.Key).Order());
        string Description(string name) => checks[name]!["description"]!.GetValue<string>();
        Assert.StartsWith("SQLite at ", Description("storage"));
        Assert.Equal("localhost, 1 active silo", Description("clustering"));
        Assert.Equal("in-process policy engine", Description("authorization"));
        Assert.StartsWith("Development issuer http://127.0.0.1:", Description("identity"));
        Assert.StartsWith("espeak-ng", Description("speech"));
        Assert.Equal("off: events are dropped unsent", Description("events"));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var document = JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/flow-config", "/api/flow-config/{id}", "/api/flow-config/{id}/resolve", "/api/flow-config/preview",
                     "/api/flow-config/export", "/api/flow-config/import", "/api/settings", "/api/preview-speech" })
            Assert.True(paths.ContainsKey(path) || paths.ContainsKey(path + "/"), $"OpenAPI lacks {path}: {string.Join(", ", paths.Select(p => p.Key))}");
    }

    [Fact]
    public async Task First_start_on_empty_storage_seeds_sample_configs_and_settings()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var list = await (await admin.GetAsync("/api/flow-config")).ReadObjectAsync();
        var ids = list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        var settings = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();

        Assert.Contains("branch-office-austin", ids);
        Assert.Contains("+18005551234", ids);
        Assert.Contains("queue/technical-support", ids);
        Assert.Equal(new[] { "en-US", "es-US" }, settings["locales"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()));
    }
}
