using FlowConfigs.Grains.Tests.Storage;
using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Access;

/// <summary>The gateway with <c>FlowConfigs:Authorization:Provider=VerifiedPermissions</c>, Cedar deciding behind a loopback AVP.</summary>
public sealed class VerifiedPermissionsGatewayFixture : GatewayFixture
{
    public CedarEngine Cedar { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("FlowConfigs:Authorization:Provider", "VerifiedPermissions"),
        new("FlowConfigs:Authorization:VerifiedPermissions:PolicyStoreId", CedarEngine.PolicyStoreId),
        new("FlowConfigs:Authorization:VerifiedPermissions:ServiceUrl", Cedar.Endpoint.Url),
        new("FlowConfigs:Authorization:VerifiedPermissions:Region", "us-west-2"),
        new("FlowConfigs:Authorization:VerifiedPermissions:DecisionCacheSeconds", "0"),
    ];

    public override async Task InitializeAsync()
    {
        DynaliteFixture.UseTestCredentials();
        await Cedar.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Cedar.DisposeAsync();
    }
}

public sealed class VerifiedPermissionsGatewayTests(VerifiedPermissionsGatewayFixture fixture) : IClassFixture<VerifiedPermissionsGatewayFixture>
{
    [Fact]
    public async Task The_list_and_direct_access_follow_Cedar_decisions()
    {
        var before = fixture.Cedar.Endpoint.Requests.Count;
        using var tagUser = fixture.PublicClient(await fixture.TokenAsync("tess", [], full: "branch-office-a*", read: "branch-*"));
        var items = (await (await tagUser.GetAsync("/api/flow-config")).ReadObjectAsync())["items"]!.AsArray();

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var id = item!["id"]!.GetValue<string>();
            Assert.StartsWith("branch-", id);
            Assert.Equal(id.StartsWith("branch-office-a") ? "full" : "read", item["accessLevel"]!.GetValue<string>().ToLowerInvariant());
        }
        Assert.Contains(fixture.Cedar.Endpoint.Requests.Skip(before), r => r.Headers["x-amz-target"] == "VerifiedPermissions.BatchIsAuthorized");

        Assert.Equal(HttpStatusCode.OK, (await tagUser.GetAsync("/api/flow-config/branch-office-austin")).StatusCode);
        using var outsider = fixture.PublicClient(await fixture.TokenAsync("otto", [], read: "queue/*"));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/api/flow-config/branch-office-austin")).StatusCode);

        var me = await (await fixture.PublicClient(await fixture.TokenAsync("ada", ["FlowConfigAdmin"])).GetAsync("/api/me")).ReadObjectAsync();
        Assert.True(me["canManageSettings"]!.GetValue<bool>());
        Assert.True(me["canViewAudit"]!.GetValue<bool>());
        var tagMe = await (await tagUser.GetAsync("/api/me")).ReadObjectAsync();
        Assert.False(tagMe["canManageSettings"]!.GetValue<bool>());
        Assert.False(tagMe["canViewAudit"]!.GetValue<bool>());
    }

    [Fact]
    public async Task When_Verified_Permissions_fails_the_api_says_503_and_GetConfig_keeps_answering()
    {
        using var admin = fixture.PublicClient(await fixture.TokenAsync("ada", ["FlowConfigAdmin"]));
        fixture.Cedar.Override = request => request.Headers["x-amz-target"] == "VerifiedPermissions.BatchIsAuthorized"
            ? LoopbackAwsEndpoint.Reply.Json("""{"__type":"InternalServerException","message":"try later"}""", 500)
            : null;
        try
        {
            using var response = await admin.GetAsync("/api/flow-config/branch-office-austin");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadObjectAsync();
            Assert.Equal("Authorization unavailable", problem["title"]!.GetValue<string>());
            Assert.Contains("InternalServerException", problem["detail"]!.GetValue<string>());

            Assert.Equal(HttpStatusCode.OK, (await fixture.InternalClient().GetAsync("/internal/config/branch-office-austin")).StatusCode);

            fixture.Cedar.Override = _ => LoopbackAwsEndpoint.Reply.Json("""{"__type":"InternalServerException","message":"down"}""", 500);
            // Readiness reports the background probes, so the outage shows from the next round on.
            var (status, report) = await ReadinessAsync(r => r["checks"]!["authorization"]!["status"]!.GetValue<string>() == "Degraded");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", report["status"]!.GetValue<string>());
        }
        finally
        {
            fixture.Cedar.Override = null;
        }
        var (_, healthy) = await ReadinessAsync(r => r["checks"]!["authorization"]!["status"]!.GetValue<string>() == "Healthy");
        Assert.Equal($"Verified Permissions policy store {CedarEngine.PolicyStoreId} at {fixture.Cedar.Endpoint.Url}/",
            healthy["checks"]!["authorization"]!["description"]!.GetValue<string>());
    }

    /// <summary>The readiness report once it satisfies <paramref name="until"/> (probes run every second here), or the last one.</summary>
    private async Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonObject Report)> ReadinessAsync(Func<System.Text.Json.Nodes.JsonObject, bool> until)
    {
        using var client = fixture.InternalClient();
        for (var attempt = 0; ; attempt++)
        {
            using var ready = await client.GetAsync("/health/ready");
            var report = await ready.ReadObjectAsync();
            if (until(report) || attempt == 50) return (ready.StatusCode, report);
            await Task.Delay(200);
        }
    }
}
