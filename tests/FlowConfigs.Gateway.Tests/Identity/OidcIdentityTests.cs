using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Identity;

/// <summary>Configured for an OIDC provider shaped like Cognito: its tokens work, and the development issuer is gone.</summary>
public sealed class OidcIdentityTests(OidcGatewayFixture fixture) : IClassFixture<OidcGatewayFixture>
{
    private async Task<JsonNode> MeAsync(string token)
    {
        using var response = await fixture.PublicClient(token).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Cognito_access_tokens_are_accepted_by_client_id()
    {
        var me = await MeAsync(fixture.Oidc.AccessToken("frank", ["FlowConfigRead", "Agents"],
            extra: new() { ["custom:FlowConfigFull"] = "queue/*" }));
        Assert.Equal("frank", me["username"]!.GetValue<string>());
        Assert.Equal(["FlowConfigRead", "Agents"], me["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(["queue/*"], me["tags"]!["full"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task Cognito_id_tokens_are_accepted_by_audience_with_comma_groups()
    {
        var me = await MeAsync(fixture.Oidc.IdToken("grace", new() { ["cognito:groups"] = "FlowConfigAdmin,FlowConfigEdit" }));
        Assert.Equal("grace", me["username"]!.GetValue<string>());
        Assert.True(me["canManageSettings"]!.GetValue<bool>());
        Assert.True(me["canManageCalendars"]!.GetValue<bool>());
        Assert.True(me["canViewAudit"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Another_app_clients_access_token_is_401()
    {
        using var response = await fixture.PublicClient(fixture.Oidc.AccessToken("heidi", ["FlowConfigAdmin"], clientId: "other-client")).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_group_grants_access_through_the_api()
    {
        var token = fixture.Oidc.AccessToken("ivan", ["FlowConfigRead"]);
        using var response = await fixture.PublicClient(token).GetAsync("/api/flow-config/branch-office-austin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_development_issuer_is_not_served()
    {
        using var token = await fixture.PublicClient(null).PostAsJsonAsync("/api/dev/token", new { username = "x" });
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        using var discovery = await fixture.PublicClient(null).GetAsync("/dev-issuer/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.NotFound, discovery.StatusCode);
    }

    [Fact]
    public async Task Init_tells_the_web_app_where_to_sign_in()
    {
        var init = JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/api/init"))!;
        Assert.Equal("oidc", init["auth"]!["mode"]!.GetValue<string>());
        Assert.Equal(fixture.Oidc.Issuer, init["auth"]!["authority"]!.GetValue<string>());
        Assert.Equal(LoopbackOidcServer.ClientId, init["auth"]!["clientId"]!.GetValue<string>());
    }
}
