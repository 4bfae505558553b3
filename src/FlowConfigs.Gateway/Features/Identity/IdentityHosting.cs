using System.Net;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlowConfigs.Gateway.Features.Identity;

internal static class IdentityHosting
{
    /// <summary>Ready means the issuer's discovery document and keys can be read (a Degraded check: GetConfig needs no tokens).</summary>
    internal sealed class IdentityCheck(IOptionsMonitor<JwtBearerOptions> jwt, IOptions<IdentityOptions> identity) : ProbeHealthCheck
    {
        protected override async Task<string> ProbeAsync(CancellationToken cancellationToken)
        {
            var manager = jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager
                ?? throw new InvalidOperationException("JwtBearer has no OIDC configuration manager.");
            var discovery = await manager.GetConfigurationAsync(cancellationToken);
            return $"{identity.Value.Provider} issuer {discovery.Issuer}, {discovery.SigningKeys.Count} signing keys";
        }
    }

    /// <summary>
    /// JwtBearer through OIDC discovery for every provider: the development issuer is validated exactly as Cognito
    /// is, so nothing is trusted without a signed token in either mode.
    /// </summary>
    public static WebApplicationBuilder AddTokenValidation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section)
            .PostConfigure<IOptions<PortsOptions>>((identity, ports) => identity.Authority = ResolveAuthority(identity, ports.Value))
            .ValidateOnStart();
        // Whether the issuer runs decides what is registered, so this one setting is read before the container exists.
        var provider = builder.Configuration.GetValue<IdentityProvider>(IdentityOptions.Section + ":" + nameof(IdentityOptions.Provider));
        if (provider == IdentityProvider.Development)
        {
            builder.Services.AddSingleton(services =>
            {
                var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
                return new DevelopmentIssuer(identity.Authority!, identity.Audience,
                    services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, services.GetRequiredService<TimeProvider>());
            });
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<IdentityOptions>>((jwt, options) =>
        {
            var identity = options.Value;
            var authority = identity.Authority!;
            jwt.Authority = authority;
            jwt.MetadataAddress = $"{authority}/.well-known/openid-configuration";
            jwt.RequireHttpsMetadata = !IsLoopbackHttp(authority);
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                ValidateAudience = true,
                AudienceValidator = (audiences, token, _) => AudienceAccepted(audiences, token, identity),
                NameClaimType = identity.UsernameClaim,
            };
            jwt.Events = new JwtBearerEvents { OnChallenge = WriteChallengeAsync };
        });
        return builder;
    }

    private static string ResolveAuthority(IdentityOptions identity, PortsOptions ports)
    {
        if (identity.IsDevelopment)
        {
            if (!IPAddress.IsLoopback(IPAddress.Parse(ports.BindAddress)) && !identity.EnableDevelopmentIssuer)
                throw new InvalidOperationException(
                    $"The development identity issuer only runs when the gateway is bound to loopback, but FlowConfigs:Ports:BindAddress is {ports.BindAddress}. " +
                    "Use FlowConfigs:Identity:Provider=Oidc with an Authority (Cognito), or set FlowConfigs:Identity:EnableDevelopmentIssuer=true for a test environment.");
            return (identity.Authority ?? $"http://127.0.0.1:{ports.Public}/dev-issuer").TrimEnd('/');
        }
        if (!Uri.TryCreate(identity.Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !IsLoopbackHttp(identity.Authority)))
            throw new InvalidOperationException(
                "FlowConfigs:Identity:Authority must be the https issuer URL of the OIDC provider, e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf.");
        return identity.Authority!.TrimEnd('/');
    }

    /// <summary>ID tokens name the client in <c>aud</c>; Cognito access tokens carry <c>client_id</c> and <c>token_use: access</c> instead.</summary>
    private static bool AudienceAccepted(IEnumerable<string> audiences, SecurityToken token, IdentityOptions identity)
    {
        string[] accepted = identity.ClientId is { Length: > 0 } clientId ? [identity.Audience, clientId] : [identity.Audience];
        if (audiences.Any(a => accepted.Contains(a, StringComparer.Ordinal)))
            return true;
        return token is JsonWebToken jwt
            && jwt.TryGetPayloadValue<string>("token_use", out var use) && use == "access"
            && jwt.TryGetPayloadValue<string>("client_id", out var client) && accepted.Contains(client, StringComparer.Ordinal);
    }

    private static bool IsLoopbackHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    /// <summary>401 as problem+json, with the standard <c>WWW-Authenticate</c> so clients know to (re)authenticate.</summary>
    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure is null
            ? "A bearer token is required."
            : "The bearer token is not valid (signature, issuer, audience or lifetime).";
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = 401, Title = "Unauthorized", Detail = detail },
        });
    }
}
