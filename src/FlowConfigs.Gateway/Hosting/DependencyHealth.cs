using System.Text.Json;
using FlowConfigs.Gateway.Hosting.Aws;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// <c>/health/ready</c> reports every dependency by name, from the last round of probes run in the background
/// (<see cref="ReadinessProbes"/>), so it answers at once whatever a dependency does. Only what GetConfig needs (silo,
/// storage, this silo's membership, checked here) makes the task unready; the features add their own checks
/// (identity, authorization, speech) as Degraded, so a Polly or Verified Permissions outage never takes callers'
/// GetConfig out of the load balancer.
/// </summary>
internal static class DependencyHealth
{
    /// <summary>Checks reported by <c>/health/ready</c>.</summary>
    public const string Ready = "ready";

    /// <summary>Checks run once at start, where a configuration mistake stops the process.</summary>
    public const string Startup = "startup";

    public static WebApplicationBuilder AddDependencyHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthProbeOptions>().BindConfiguration(HealthProbeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [Ready])
            .AddCheck<StorageCheck>("storage", tags: [Ready])
            .AddCheck<ClusteringCheck>("clustering", tags: [Ready])
            .AddCheck<StoredDocumentsCheck>("documents", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        // Every readiness check, the features' too, gets the probe timeout unless its registration sets its own.
        builder.Services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<HealthProbeOptions>>((checks, probes) =>
        {
            foreach (var check in checks.Registrations.Where(c => c.Tags.Contains(Ready) && c.Timeout == Timeout.InfiniteTimeSpan))
                check.Timeout = probes.Value.ProbeTimeout;
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReadinessProbes>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReadinessProbes>());
        builder.Services.AddHostedService<DependencyStartupCheck>();
        return builder;
    }

    public static WebApplication MapDependencyHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// 200 when the last round is Healthy or Degraded, 503 when Unhealthy. Just after start, before the first round
    /// has finished, it waits for it under a second and otherwise answers 503 "starting".
    /// </summary>
    private static async Task ReadyAsync(HttpContext context, ReadinessProbes probes, TimeProvider time)
    {
        var round = await probes.LastAsync(TimeSpan.FromMilliseconds(800), context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.StatusCode = round?.Report.Status is HealthStatus.Healthy or HealthStatus.Degraded
            ? StatusCodes.Status200OK
            : StatusCodes.Status503ServiceUnavailable;
        if (round is null)
        {
            await context.Response.WriteAsJsonAsync(new { status = nameof(HealthStatus.Unhealthy), description = "starting: the first probes have not finished", checks = new { } });
            return;
        }
        await WriteAsync(context, round.Report, time.GetUtcNow() - round.CheckedAt);
    }

    /// <summary><c>{ status, ageMs, checks: { name: { status, description, error, durationMs } } }</c>; ageMs is how old the probes are.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report, TimeSpan age)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            ageMs = Math.Round(age.TotalMilliseconds),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, cancellationToken: context.RequestAborted);
    }

    private sealed class StorageCheck(IDocumentStore store) : ProbeHealthCheck
    {
        protected override Task<string> ProbeAsync(CancellationToken cancellationToken) => store.ProbeAsync(cancellationToken);
    }

    /// <summary>Stored items this task could not read: each is out of service on its own, so the task stays ready.</summary>
    private sealed class StoredDocumentsCheck(UnreadableDocuments unreadable) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var found = unreadable.Current;
            return Task.FromResult(found.Count == 0
                ? HealthCheckResult.Healthy("every stored document read so far is readable")
                : new HealthCheckResult(context.Registration.FailureStatus,
                    $"{found.Count} stored document(s) cannot be read and are not served: " +
                    string.Join("; ", found.Take(10).Select(f => $"{f.Key}: {f.Value}"))));
        }
    }

    /// <summary>
    /// Unready only when this silo is not an active member. A membership table that cannot be read (Redis down,
    /// failing over, emptied) is Degraded: silos call each other directly and need the table only to learn of a task
    /// joining or leaving, so GetConfig and writes go on, while failing this check on every task at once (they share
    /// one Redis) would take the whole service out of the load balancer for nothing.
    /// </summary>
    private sealed class ClusteringCheck(
        IServiceProvider services, IOptions<ClusteringOptions> clustering, IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var snapshot = membership.CurrentSnapshot;
            var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            var self = snapshot.GetSiloStatus(local.SiloAddress);
            if (self != SiloStatus.Active)
                return new HealthCheckResult(context.Registration.FailureStatus, $"this silo is {self} in the cluster's membership");
            if (clustering.Value.Provider != ClusteringProvider.Redis)
                return HealthCheckResult.Healthy($"localhost, {active} active silo");
            try
            {
                // Reading the membership table proves Redis answers, not just that this silo remembers it did.
                var table = await services.GetRequiredService<IMembershipTable>().ReadAllAsync(cancellationToken);
                return HealthCheckResult.Healthy($"Redis membership, {active} active silos, table version {table.Version.Version}");
            }
            catch (Exception exception)
            {
                var reason = exception is OperationCanceledException ? "did not answer in time" : exception.Message;
                return HealthCheckResult.Degraded(
                    $"Redis membership table unreadable ({reason}); this silo stays active with {active} active silos and keeps serving", exception);
            }
        }
    }
}

/// <summary>Runs a probe and turns its failure into the check's failure status with the probe's own sentence.</summary>
internal abstract class ProbeHealthCheck : IHealthCheck
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

/// <summary>
/// Checks the AWS-facing providers once at start. A configuration mistake (no region or credentials, a policy store
/// that does not exist, a role without permission) stops the process with the check's sentence; a passing outage
/// (throttling, 5xx, network) is logged and left to <c>/health/ready</c>.
/// </summary>
internal sealed class DependencyStartupCheck(HealthCheckService health, ILogger<DependencyStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(DependencyHealth.Startup), cancellationToken);
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
