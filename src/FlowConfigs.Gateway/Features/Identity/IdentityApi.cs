using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Identity;

/// <summary>Who the caller is (<c>/api/me</c>), how the web app signs in (<c>/api/init</c>) and the development issuer.</summary>
internal static class IdentityApi
{
    public sealed record InitResponse(AuthSettings Auth, Branding Branding);
    public sealed record AuthSettings(string Mode, string Authority, string? ClientId, string[] Scopes);
    public sealed record Branding(string ProductName);
    public sealed record MeResponse(string Username, IReadOnlyList<string> Groups, TagPatterns Tags, bool CanCreateConfigs, bool CanManageSettings, bool CanManageCalendars, bool CanViewAudit, bool CanViewOperations);
    public sealed record TagPatterns(IReadOnlyList<string> Full, IReadOnlyList<string> Edit, IReadOnlyList<string> Read);
    public sealed record TokenResponse(string access_token, string token_type, int expires_in);

    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        builder.AddTokenValidation();
        builder.Services.AddAuthorization();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<IClaimsTransformation, CallerClaims>();
        builder.Services.AddScoped(services => CallerClaims.PrincipalOf(services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        builder.Services.AddHealthChecks().AddCheck<IdentityHosting.IdentityCheck>("identity", HealthStatus.Degraded, tags: [DependencyHealth.Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/init", Init).AllowAnonymous().WithTags("Identity").WithName("GetInit");
        app.MapGet("/api/me", MeAsync).RequireAuthorization().WithTags("Identity").WithName("GetMe");

        if (app.ServiceProvider.GetService<DevelopmentIssuer>() is not null)
        {
            var issuer = app.MapGroup("/dev-issuer").AllowAnonymous().ExcludeFromDescription();
            issuer.MapGet("/.well-known/openid-configuration", (DevelopmentIssuer dev) => TypedResults.Ok(dev.Discovery()));
            issuer.MapGet("/jwks.json", (DevelopmentIssuer dev) => TypedResults.Ok(dev.Jwks()));
            app.MapPost("/api/dev/token", IssueAsync).AllowAnonymous().WithTags("Identity").WithName("IssueDevelopmentToken")
                .Accepts<DevTokenRequest>("application/json");
        }
        else
        {
            app.MapPost("/api/dev/token", () => Problems.NotFound(
                "The development identity is off: sign in through the configured OIDC provider.")).AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }

    public static Ok<InitResponse> Init(IOptions<IdentityOptions> options)
    {
        var identity = options.Value;
        return TypedResults.Ok(new InitResponse(
            new AuthSettings(identity.IsDevelopment ? "development" : "oidc", identity.Authority!, identity.ClientId, identity.Scopes),
            new Branding("FlowConfigs")));
    }

    public static async Task<Ok<MeResponse>> MeAsync(CallerAccess access, CancellationToken cancellationToken)
    {
        var principal = access.Caller;
        return TypedResults.Ok(new MeResponse(
            principal.Username,
            principal.Groups,
            new TagPatterns(principal.FullPatterns, principal.EditPatterns, principal.ReadPatterns),
            AccessPolicy.CanCreateConfigs(principal),
            await access.CanManageSettingsAsync(cancellationToken),
            await access.CanManageCalendarsAsync(cancellationToken),
            await access.CanViewAuditAsync(cancellationToken),
            await access.CanViewOperationsAsync(cancellationToken)));
    }

    public static async Task<Results<Ok<TokenResponse>, BodyProblem>> IssueAsync(HttpContext context, DevelopmentIssuer issuer)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, 16 * 1024);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var read = DevTokenRequest.Read(body!.RootElement);
        if (!read.IsValid) return Problems.BodyFields(read.Errors);
        var request = read.Value!;
        var (token, expiresIn) = issuer.Issue(request.Username, request.Groups, request.Tags);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }
}
