using System.Text.Json;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Identity;
using FlowConfigs.Gateway.Features.Speech;
using FlowConfigs.Gateway.Hosting.Aws;
using FlowConfigs.Grains;
using FlowConfigs.Grains.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// <c>/health/ready</c> reports every dependency by name. Only what GetConfig needs (silo, storage, cluster
/// membership) makes the task unready; identity, authorization and speech problems are reported as Degraded, so a
/// Polly or Verified Permissions outage never takes callers' GetConfig out of the load balancer.
/// </summary>
internal static class DependencyHealth
{
    public static IHealthChecksBuilder AddDependencyChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<SiloHealthCheck>("silo", tags: ["ready"])
        .AddCheck<StorageCheck>("storage", tags: ["ready"])
        .AddCheck<ClusteringCheck>("clustering", tags: ["ready"])
        .AddCheck<IdentityCheck>("identity", HealthStatus.Degraded, tags: ["ready"])
        .AddCheck<AuthorizationCheck>("authorization", HealthStatus.Degraded, tags: ["ready", "startup"])
        .AddCheck<SpeechCheck>("speech", HealthStatus.Degraded, tags: ["ready", "startup"]);

    /// <summary><c>{ status, checks: { name: { status, description, error } } }</c>.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, cancellationToken: context.RequestAborted);
    }

    /// <summary>Runs a probe and turns its failure into the check's failure status with the probe's own sentence.</summary>
    private abstract class ProbeCheck : IHealthCheck
    {
        protected abstract Task<string> ProbeAsync(CancellationToken cancellationToken);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                return HealthCheckResult.Healthy(await ProbeAsync(timeout.Token));
            }
            catch (Exception exception)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, exception.Message, exception);
            }
        }
    }

    private sealed class StorageCheck(IServiceProvider services) : ProbeCheck
    {
        protected override Task<string> ProbeAsync(CancellationToken cancellationToken) =>
            services.GetRequiredKeyedService<IGrainStorage>(StorageNames.FlowConfigs) is IStorageProbe probe
                ? probe.ProbeAsync(cancellationToken)
                : Task.FromResult("storage without a probe");
    }

    private sealed class ClusteringCheck(IServiceProvider services, IOptions<ClusteringOptions> clustering, IClusterMembershipService membership) : ProbeCheck
    {
        protected override async Task<string> ProbeAsync(CancellationToken cancellationToken)
        {
            var active = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            if (clustering.Value.Provider != ClusteringProvider.Redis)
                return $"localhost, {active} active silo";
            // Reading the membership table proves Redis answers, not just that this silo remembers it did.
            var table = await services.GetRequiredService<IMembershipTable>().ReadAllAsync(cancellationToken);
            return $"Redis membership, {active} active silos, table version {table.Version.Version}";
        }
    }

    private sealed class IdentityCheck(IOptionsMonitor<JwtBearerOptions> jwt, IOptions<IdentityOptions> identity) : ProbeCheck
    {
        protected override async Task<string> ProbeAsync(CancellationToken cancellationToken)
        {
            var manager = jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager
                ?? throw new InvalidOperationException("JwtBearer has no OIDC configuration manager.");
            var discovery = await manager.GetConfigurationAsync(cancellationToken);
            return $"{identity.Value.Provider} issuer {discovery.Issuer}, {discovery.SigningKeys.Count} signing keys";
        }
    }

    private sealed class AuthorizationCheck(IServiceProvider services, IOptions<AuthorizationProviderOptions> options) : ProbeCheck
    {
        protected override async Task<string> ProbeAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Provider != AuthorizationProvider.VerifiedPermissions) return "in-process policy engine";
            var client = services.GetRequiredService<VerifiedPermissionsClient>();
            var store = await client.GetPolicyStoreAsync(cancellationToken);
            return $"Verified Permissions policy store {store["policyStoreId"]} at {client.Endpoint}";
        }
    }

    private sealed class SpeechCheck(IServiceProvider services, IOptions<SpeechOptions> options) : ProbeCheck
    {
        protected override async Task<string> ProbeAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Provider == SpeechProvider.Polly)
            {
                var voices = await services.GetRequiredService<PollySpeechSynthesizer>().VoicesAsync(cancellationToken);
                return $"Amazon Polly, {voices.Count} voices";
            }
            var path = options.Value.EspeakPath;
            var found = Path.IsPathRooted(path) ? File.Exists(path)
                : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, path)));
            // Not a start-up error: a laptop without espeak-ng still serves everything but the preview.
            return found ? $"espeak-ng ({path})" : throw new FileNotFoundException($"espeak-ng ('{path}') is not installed; speech preview answers 503.");
        }
    }
}

/// <summary>
/// Checks the AWS-facing providers once at start. A configuration mistake (no region or credentials, a policy store
/// that does not exist, a role without permission) stops the process with the check's sentence; a passing outage
/// (throttling, 5xx, network) is logged and left to <c>/health/ready</c>.
/// </summary>
internal sealed class DependencyStartupCheck(HealthCheckService health, ILogger<DependencyStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("startup"), cancellationToken);
        var fatal = new List<string>();
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status == HealthStatus.Healthy) continue;
            if (IsConfigurationError(entry.Exception)) fatal.Add($"{name}: {entry.Description}");
            else logger.LogWarning(entry.Exception, "{Dependency} is not available at start: {Description}", name, entry.Description);
        }
        if (fatal.Count > 0)
            throw new InvalidOperationException("FlowConfigs cannot start: " + string.Join(" | ", fatal));
    }

    private static bool IsConfigurationError(Exception? exception) => exception switch
    {
        InvalidOperationException => true,
        AwsServiceException aws => !aws.IsRetryable,
        _ => false,
    };

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
