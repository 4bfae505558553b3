using FlowConfigs.Gateway.Hosting.Aws;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Access;

internal static class AccessHosting
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
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
        services.AddExceptionHandler<AuthorizationUnavailableHandler>();
        return services;
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
}
