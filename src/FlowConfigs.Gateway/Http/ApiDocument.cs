using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// The OpenAPI document a client generator needs: the bearer-JWT scheme on every route that requires a token, and
/// every problem an endpoint can answer. Handlers' typed results and the access filter declare their own problems;
/// the ones the pipeline adds (401 from authentication, 503 when something behind the gateway is down) are added here.
/// The API reference page reads the same document.
/// </summary>
internal static class ApiDocument
{
    public const string BearerScheme = "Bearer";
    public const string ReferencePath = "/scalar";

    /// <summary>
    /// The reference page boots from one inline module script with its settings; it may run that, but talk only to
    /// this origin and be framed by nobody.
    /// </summary>
    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FlowConfigs API";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access or ID token from the configured OpenID Connect provider (Cognito, or the development issuer's /api/dev/token).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                    await AddProblemAsync(operation, context, StatusCodes.Status401Unauthorized, "No valid bearer token.", cancellationToken);
                }
                await AddProblemAsync(operation, context, StatusCodes.Status503ServiceUnavailable,
                    "Something behind the gateway cannot answer now; retry after the Retry-After header's seconds.", cancellationToken);
            });
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi();
        // The reference page is served on the public port only (port separation keeps /scalar off the internal one).
        app.MapScalarApiReference(ReferencePath, options => options
                // Nothing leaves the gateway: no font CDN, no AI agent, no telemetry.
                .WithTitle("FlowConfigs API").AddPreferredSecuritySchemes(BearerScheme)
                .DisableDefaultFonts().DisableAgent().DisableTelemetry().DisableMcp().HideDeveloperTools())
            .AddEndpointFilter((invocation, next) =>
            {
                invocation.HttpContext.Response.Headers.ContentSecurityPolicy = ReferencePolicy;
                return next(invocation);
            });
        return app;
    }

    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key)) return;
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ApiProblem.ContentTypeName] = new() { Schema = schema } },
        };
    }
}
