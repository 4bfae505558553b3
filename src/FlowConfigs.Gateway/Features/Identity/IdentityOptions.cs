using System.ComponentModel;
using FlowConfigs.Gateway.Hosting;

namespace FlowConfigs.Gateway.Features.Identity;

[TypeConverter(typeof(ProviderConverter<IdentityProvider>))]
public enum IdentityProvider
{
    Development,
    Oidc,
}

/// <summary>
/// Who signs the tokens the gateway accepts. <c>Development</c> is the embedded issuer (loopback only unless
/// <see cref="EnableDevelopmentIssuer"/>); <c>Oidc</c> is any OpenID Connect provider such as a Cognito user pool.
/// Both are validated the same way: discovery, JWKS, RS256.
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "FlowConfigs:Identity";

    public IdentityProvider Provider { get; set; } = IdentityProvider.Development;

    /// <summary>The issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>. Defaults to the development issuer on the public port.</summary>
    public string? Authority { get; set; }

    /// <summary>Accepted in <c>aud</c> (ID tokens, the development issuer).</summary>
    public string Audience { get; set; } = "flowconfigs";

    /// <summary>The app client: Cognito access tokens carry it as <c>client_id</c> (with <c>token_use: access</c>) instead of <c>aud</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Serve the development issuer even when the gateway is bound beyond loopback (never in production).</summary>
    public bool EnableDevelopmentIssuer { get; set; }

    public string UsernameClaim { get; set; } = "username";
    public string GroupsClaim { get; set; } = "cognito:groups";
    public string FullClaim { get; set; } = "custom:FlowConfigFull";
    public string EditClaim { get; set; } = "custom:FlowConfigEdit";
    public string ReadClaim { get; set; } = "custom:FlowConfigRead";

    /// <summary>Scopes the web app asks for in the authorization-code flow.</summary>
    public string[] Scopes { get; set; } = ["openid", "profile", "email"];

    public bool IsDevelopment => Provider == IdentityProvider.Development;
}
