using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// An OpenID provider on loopback shaped like a Cognito user pool: issuer <c>{base}/{poolId}</c>, discovery and JWKS
/// beneath it, and tokens with Cognito's claim names.
/// </summary>
public sealed class LoopbackOidcServer : IAsyncDisposable
{
    public const string PoolId = "us-east-1_TestPool1";
    public const string ClientId = "4bq2example5client6id7";

    private readonly WebApplication _app;

    public RsaSecurityKey Key { get; } = TokenSigner.NewKey("cognito-key-1");
    public string Issuer { get; }

    /// <summary>Where the discovery document says the OAuth endpoints are (never called by these tests).</summary>
    public const string HostedUi = "https://flowconfigs-test.auth.us-east-1.amazoncognito.com";

    public LoopbackOidcServer()
    {
        var port = GatewayProcess.FreePort();
        Issuer = $"http://127.0.0.1:{port}/{PoolId}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapGet($"/{PoolId}/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{Issuer}/.well-known/jwks.json",
            // As Cognito's: the OAuth endpoints live on the hosted-UI domain, not beside the issuer.
            ["authorization_endpoint"] = $"{HostedUi}/oauth2/authorize",
            ["token_endpoint"] = $"{HostedUi}/oauth2/token",
            ["userinfo_endpoint"] = $"{HostedUi}/oauth2/userInfo",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet($"/{PoolId}/.well-known/jwks.json", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, alg = "RS256", use = "sig", n = jwk.N, e = jwk.E } } });
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>A Cognito access token: <c>client_id</c> and <c>token_use</c>, no <c>aud</c>; groups as an array.</summary>
    public string AccessToken(string username, string[] groups, string? clientId = ClientId, Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = Guid.NewGuid().ToString(),
            ["username"] = username,
            ["cognito:groups"] = groups,
            ["token_use"] = "access",
            ["client_id"] = clientId!,
            ["scope"] = "openid email",
        };
        foreach (var (name, value) in extra ?? [])
            claims[name] = value;
        return TokenSigner.Sign(Key, SecurityAlgorithms.RsaSha256, Issuer, claims);
    }

    /// <summary>A Cognito ID token: <c>aud</c> is the app client, the username is <c>cognito:username</c>.</summary>
    public string IdToken(string username, Dictionary<string, object> claims)
    {
        claims["cognito:username"] = username;
        claims["token_use"] = "id";
        return TokenSigner.Sign(Key, SecurityAlgorithms.RsaSha256, Issuer, claims, audience: ClientId);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The gateway configured for an OIDC provider (no development issuer).</summary>
public sealed class OidcGatewayFixture : GatewayFixture
{
    public LoopbackOidcServer Oidc { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("FlowConfigs:Identity:Provider", "Oidc"),
        new("FlowConfigs:Identity:Authority", Oidc.Issuer),
        new("FlowConfigs:Identity:ClientId", LoopbackOidcServer.ClientId),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Oidc.DisposeAsync();
    }
}
