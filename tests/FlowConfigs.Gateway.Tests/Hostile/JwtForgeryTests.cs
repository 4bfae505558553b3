using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>
/// Forged and broken tokens claiming admin rights: each is a 401 on a read and on a delete, and the delete does not
/// happen. The control (the issuer's own key, everything right) proves the same claims would otherwise have worked.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class JwtForgeryTests(HostileGateway gateway, ITestOutputHelper output)
{
    private const string Audience = "flowconfigs";

    private static Dictionary<string, object> AdminClaims() => new()
    {
        ["username"] = "mallory",
        ["cognito:groups"] = new[] { "FlowConfigAdmin" },
    };

    private async Task<string> KeyIdAsync() =>
        JsonNode.Parse(await gateway.Anonymous.GetStringAsync("/dev-issuer/jwks.json"))!["keys"]![0]!["kid"]!.GetValue<string>();

    private async Task<SecurityKey> RealKeyAsync() =>
        TokenSigner.LoadPem(Path.Combine(gateway.DataDirectory, "dev-issuer-key.pem"), await KeyIdAsync());

    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private async Task<string> ForgeAsync(string kind)
    {
        var issuer = gateway.DevIssuer;
        return kind switch
        {
            "alg none" => TokenSigner.Unsigned(issuer, Audience, "mallory"),
            "alg none with the real signature" => await AlgNoneKeepingSignatureAsync(),
            "HS256 keyed with the public key" => await PublicKeyHmacAsync(),
            "RS512 with the real key" => TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha512, issuer, AdminClaims(), Audience),
            "expired" => TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, issuer, AdminClaims(), Audience, DateTime.UtcNow.AddMinutes(-5)),
            "wrong issuer" => TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, "http://127.0.0.1:1/dev-issuer", AdminClaims(), Audience),
            "wrong audience" => TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, issuer, AdminClaims(), "another-app"),
            "unknown kid" => TokenSigner.Sign(TokenSigner.NewKey("no-such-key"), SecurityAlgorithms.RsaSha256, issuer, AdminClaims(), Audience),
            "kid that is a path" => TokenSigner.Sign(TokenSigner.NewKey("../../../../dev/null"), SecurityAlgorithms.RsaSha256, issuer, AdminClaims(), Audience),
            "another key under the real kid" => TokenSigner.Sign(TokenSigner.NewKey(await KeyIdAsync()), SecurityAlgorithms.RsaSha256, issuer, AdminClaims(), Audience),
            "garbage" => "garbage",
            "three dots" => "a.b.c",
            "empty segments" => "..",
            "header only" => Segment("""{"alg":"RS256","typ":"JWT"}"""),
            "segments of junk" => $"{Segment("{")}.{Segment("[")}.{Segment("!")}",
            "8 KB of base64" => Base64UrlEncoder.Encode(Enumerable.Range(0, 6000).Select(i => (byte)i).ToArray()),
            _ => throw new ArgumentException(kind),
        };
    }

    /// <summary>A real token with its header switched to <c>alg: none</c>, keeping the signature.</summary>
    private async Task<string> AlgNoneKeepingSignatureAsync()
    {
        var real = TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, gateway.DevIssuer, AdminClaims(), Audience).Split('.');
        return $"{Segment("""{"alg":"none","typ":"JWT"}""")}.{real[1]}.{real[2]}";
    }

    /// <summary>The classic confusion: HMAC "signed" with the published RSA modulus.</summary>
    private async Task<string> PublicKeyHmacAsync()
    {
        var jwk = JsonNode.Parse(await gateway.Anonymous.GetStringAsync("/dev-issuer/jwks.json"))!["keys"]![0]!;
        var hmac = new SymmetricSecurityKey(Base64UrlEncoder.DecodeBytes(jwk["n"]!.GetValue<string>())) { KeyId = jwk["kid"]!.GetValue<string>() };
        return TokenSigner.Sign(hmac, SecurityAlgorithms.HmacSha256, gateway.DevIssuer, AdminClaims(), Audience);
    }

    public static TheoryData<string> Forgeries() =>
    [
        "alg none", "alg none with the real signature", "HS256 keyed with the public key", "RS512 with the real key", "expired",
        "wrong issuer", "wrong audience", "unknown kid", "kid that is a path", "another key under the real kid",
        "garbage", "three dots", "empty segments", "header only", "segments of junk", "8 KB of base64",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_admin_token_is_401_and_deletes_nothing(string kind)
    {
        var target = await gateway.CreateConfigAsync("forgery-target");
        var before = await gateway.CheckpointAsync();
        using var forged = gateway.Gateway.PublicClient(await ForgeAsync(kind));

        using var me = await forged.GetAsync("/api/me");
        using var delete = await forged.DeleteAsync($"/api/flow-config/{target}");

        BodyEndpoints.AssertRefused((int)me.StatusCode, await me.Content.ReadAsStringAsync(), $"{kind}: GET /api/me", 401);
        BodyEndpoints.AssertRefused((int)delete.StatusCode, await delete.Content.ReadAsStringAsync(), $"{kind}: DELETE", 401);
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Theory]
    [InlineData("Authorization: garbage")]
    [InlineData("Authorization: Basic bWFsbG9yeTpodW50ZXIy")]
    [InlineData("Authorization: Bearer")]
    [InlineData("Authorization: Bearer a b c")]
    public async Task A_malformed_authorization_header_is_401(string header)
    {
        var before = await gateway.CheckpointAsync();
        var response = await RawHttp.SendAsync(gateway.Gateway.PublicPort, $"GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\n{header}\r\nConnection: close\r\n\r\n");
        Assert.NotNull(response);
        BodyEndpoints.AssertRefused(response.Status, response.Body, header, 401);
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Fact]
    public async Task The_issuers_own_key_with_everything_right_is_accepted()
    {
        using var client = gateway.Gateway.PublicClient(
            TokenSigner.Sign(await RealKeyAsync(), SecurityAlgorithms.RsaSha256, gateway.DevIssuer, AdminClaims(), Audience));
        using var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("mallory", await me.Content.ReadAsStringAsync());
    }
}
