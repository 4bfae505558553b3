using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace FlowConfigs.Gateway.Tests.Identity;

/// <summary>The development issuer and the JwtBearer path that validates its tokens (the same path Cognito's take).</summary>
public sealed class DevelopmentIdentityTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private string Issuer => $"http://127.0.0.1:{fixture.PublicPort}/dev-issuer";

    private async Task<string> KeyIdAsync()
    {
        var jwks = JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/dev-issuer/jwks.json"))!;
        return jwks["keys"]![0]!["kid"]!.GetValue<string>();
    }

    private async Task<SecurityKey> RealKeyAsync() =>
        TokenSigner.LoadPem(Path.Combine(fixture.DataDirectory, "dev-issuer-key.pem"), await KeyIdAsync());

    private static Dictionary<string, object> Claims(string username = "mallory") => new()
    {
        ["username"] = username,
        ["cognito:groups"] = new[] { "FlowConfigAdmin" },
    };

    private async Task<HttpResponseMessage> MeAsync(string? token) => await fixture.PublicClient(token).GetAsync("/api/me");

    [Fact]
    public async Task Discovery_and_jwks_publish_one_rs256_key()
    {
        var discovery = JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/dev-issuer/.well-known/openid-configuration"))!;
        Assert.Equal(Issuer, discovery["issuer"]!.GetValue<string>());
        Assert.Equal(Issuer + "/jwks.json", discovery["jwks_uri"]!.GetValue<string>());

        var key = Assert.Single(JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/dev-issuer/jwks.json"))!["keys"]!.AsArray())!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Equal("RS256", key["alg"]!.GetValue<string>());
        Assert.Null(key["d"]); // never the private part
    }

    [Fact]
    public async Task Me_reports_username_groups_tags_and_abilities()
    {
        var token = await fixture.TokenAsync("alice", ["FlowConfigEdit"], full: "team-a/*", read: "x, y");
        using var response = await MeAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("alice", me["username"]!.GetValue<string>());
        Assert.Equal(["FlowConfigEdit"], me["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(["team-a/*"], me["tags"]!["full"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(["x", "y"], me["tags"]!["read"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.True(me["canCreateConfigs"]!.GetValue<bool>());
        Assert.False(me["canManageSettings"]!.GetValue<bool>());
        Assert.False(me["canManageCalendars"]!.GetValue<bool>());
        Assert.False(me["canViewAudit"]!.GetValue<bool>());
        Assert.False(me["canViewOperations"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Me_reports_the_audit_log_to_a_full_pattern_on_everything_without_the_admin_group()
    {
        var me = JsonNode.Parse(await (await MeAsync(await fixture.TokenAsync("amy", ["FlowConfigRead"], full: "queue/*,*"))).Content.ReadAsStringAsync())!;
        Assert.True(me["canViewAudit"]!.GetValue<bool>());
        Assert.True(me["canViewOperations"]!.GetValue<bool>());
        var editor = JsonNode.Parse(await (await MeAsync(await fixture.TokenAsync("eve", ["FlowConfigEdit"], edit: "*"))).Content.ReadAsStringAsync())!;
        Assert.False(editor["canViewAudit"]!.GetValue<bool>());
        Assert.False(editor["canViewOperations"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_token_signed_here_with_the_real_key_is_accepted()
    {
        // The control for the refusals below: the same signing path, with everything right, works.
        var token = TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, Issuer, Claims("carol"), audience: "flowconfigs");
        using var response = await MeAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("carol", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_token_is_401_problem_with_a_bearer_challenge()
    {
        using var response = await MeAsync(null);
        await AssertUnauthorizedAsync(response);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Forged_signature_is_401() =>
        await AssertUnauthorizedAsync(await MeAsync(
            TokenSigner.Sign(TokenSigner.NewKey(await KeyIdAsync()), SecurityAlgorithms.RsaSha256, Issuer, Claims(), audience: "flowconfigs")));

    [Fact]
    public async Task Alg_none_is_401() =>
        await AssertUnauthorizedAsync(await MeAsync(TokenSigner.Unsigned(Issuer, "flowconfigs", "mallory")));

    [Fact]
    public async Task Hs256_keyed_with_the_public_key_is_401()
    {
        // The classic confusion attack: HMAC "signed" with the published RSA modulus.
        var jwks = JsonNode.Parse(await fixture.PublicClient(null).GetStringAsync("/dev-issuer/jwks.json"))!;
        var modulus = Base64UrlEncoder.DecodeBytes(jwks["keys"]![0]!["n"]!.GetValue<string>());
        var hmac = new SymmetricSecurityKey(modulus) { KeyId = await KeyIdAsync() };
        await AssertUnauthorizedAsync(await MeAsync(TokenSigner.Sign(hmac, SecurityAlgorithms.HmacSha256, Issuer, Claims(), audience: "flowconfigs")));
    }

    [Fact]
    public async Task Expired_is_401() =>
        await AssertUnauthorizedAsync(await MeAsync(TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, Issuer, Claims(),
            audience: "flowconfigs", expires: DateTime.UtcNow.AddMinutes(-5))));

    [Fact]
    public async Task Another_issuer_is_401() =>
        await AssertUnauthorizedAsync(await MeAsync(TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256,
            "http://127.0.0.1:1/evil", Claims(), audience: "flowconfigs")));

    [Fact]
    public async Task Another_audience_is_401() =>
        await AssertUnauthorizedAsync(await MeAsync(TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, Issuer, Claims(), audience: "other-app")));

    [Fact]
    public async Task Access_token_shape_needs_token_use_access_with_the_client_id()
    {
        var key = await RealKeyAsync();
        var access = Claims("dave");
        access["client_id"] = "flowconfigs";
        access["token_use"] = "access";
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(TokenSigner.Sign(key, SecurityAlgorithms.RsaSha256, Issuer, access))).StatusCode);

        access["token_use"] = "id";
        await AssertUnauthorizedAsync(await MeAsync(TokenSigner.Sign(key, SecurityAlgorithms.RsaSha256, Issuer, access)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Signing_key_is_kept_owner_only_in_the_data_directory()
    {
        var path = Path.Combine(fixture.DataDirectory, "dev-issuer-key.pem");
        Assert.True(File.Exists(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Init_is_anonymous_and_names_the_auth_mode()
    {
        using var response = await fixture.PublicClient(null).GetAsync("/api/init");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var init = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("development", init["auth"]!["mode"]!.GetValue<string>());
        Assert.Equal(Issuer, init["auth"]!["authority"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadTokenRequests() => new()
    {
        { "{", "body" },
        { "[]", "body" },
        { """{ "groups": [] }""", "username" },
        { """{ "username": "" }""", "username" },
        { """{ "username": 5 }""", "username" },
        { """{ "username": "a\u0000b" }""", "username" },
        { """{ "username": "a", "groups": "FlowConfigAdmin" }""", "groups" },
        { """{ "username": "a", "groups": [1] }""", "groups" },
        { """{ "username": "a", "tags": "x" }""", "tags" },
        { """{ "username": "a", "tags": { "Bogus": "x" } }""", "tags.Bogus" },
        { """{ "username": "a", "tags": { "FlowConfigFull": 1 } }""", "tags.FlowConfigFull" },
        { """{ "username": "a", "admin": true }""", "admin" },
    };

    [Theory]
    [MemberData(nameof(BadTokenRequests))]
    public async Task Dev_token_refuses_bad_bodies_naming_the_field(string body, string field)
    {
        using var response = await fixture.PublicClient(null).PostAsync("/api/dev/token", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]?[field]);
    }

    [Fact]
    public async Task Dev_token_refuses_oversized_bodies()
    {
        var body = JsonSerializerBody(new { username = new string('a', 100_000) });
        using var response = await fixture.PublicClient(null).PostAsync("/api/dev/token", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Dev_token_response_is_an_oauth_token_response()
    {
        using var response = await fixture.PublicClient(null).PostAsJsonAsync("/api/dev/token", new { username = "erin", groups = new[] { "FlowConfigRead" } });
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        Assert.Equal(3600, token["expires_in"]!.GetValue<int>());
        Assert.Equal(3, token["access_token"]!.GetValue<string>().Split('.').Length);
    }

    private static StringContent JsonSerializerBody(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("mallory", await response.Content.ReadAsStringAsync());
        }
    }
}
