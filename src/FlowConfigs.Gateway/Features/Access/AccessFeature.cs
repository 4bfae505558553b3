using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Hosting.Aws;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>
/// Who may do what: the configured decider (in-process or Verified Permissions), the caller's access for a request
/// and the filter that guards the config routes.
/// </summary>
internal static class AccessFeature
{
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthorizationProviderOptions>().BindConfiguration(AuthorizationProviderOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LocalAccessDecider>();
        services.AddSignedAwsClient(VerifiedPermissionsClient.Service,
            provider => provider.GetRequiredService<IOptions<AuthorizationProviderOptions>>().Value.VerifiedPermissions);
        services.AddSingleton<VerifiedPermissionsClient>();
        services.AddSingleton<VerifiedPermissionsAccessDecider>();
        services.AddSingleton<IAccessDecider>(provider =>
            provider.GetRequiredService<IOptions<AuthorizationProviderOptions>>().Value.Provider == AuthorizationProvider.VerifiedPermissions
                ? provider.GetRequiredService<VerifiedPermissionsAccessDecider>()
                : provider.GetRequiredService<LocalAccessDecider>());
        services.AddScoped<CallerAccess>();
        services.AddExceptionHandler<AuthorizationUnavailableHandler>();
        services.AddHealthChecks().AddCheck<AuthorizationCheck>("authorization", HealthStatus.Degraded,
            tags: [DependencyHealth.Ready, DependencyHealth.Startup]);
        return builder;
    }

    /// <summary>When the decider cannot answer, the caller learns that, as a 503 problem; nothing is allowed by default.</summary>
    private sealed class AuthorizationUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not AuthorizationUnavailableException unavailable) return false;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Authorization unavailable",
                    Detail = unavailable.Message,
                },
            });
        }
    }

    private sealed class AuthorizationCheck(IServiceProvider services, IOptions<AuthorizationProviderOptions> options) : ProbeHealthCheck
    {
        protected override async Task<string> ProbeAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Provider != AuthorizationProvider.VerifiedPermissions) return "in-process policy engine";
            var client = services.GetRequiredService<VerifiedPermissionsClient>();
            var store = await client.GetPolicyStoreAsync(cancellationToken);
            return $"Verified Permissions policy store {store["policyStoreId"]} at {client.Endpoint}";
        }
    }
}
