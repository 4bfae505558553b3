using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// Runs the readiness checks in the background every <see cref="HealthProbeOptions.ProbePeriod"/> and keeps the last
/// report, so <c>/health/ready</c> answers from memory at once: a load balancer's check never waits on Redis, DynamoDB
/// or an AWS API, and a dependency that hangs shows as a timed-out probe instead of a hung health request.
/// </summary>
internal sealed class ReadinessProbes(
    HealthCheckService health, IOptions<HealthProbeOptions> options, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Round? _last;

    /// <summary>One round of probes and when it finished.</summary>
    public sealed record Round(HealthReport Report, DateTimeOffset CheckedAt);

    /// <summary>The last round; before the first one has finished, waits for it at most <paramref name="wait"/>.</summary>
    public async Task<Round?> LastAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_last is { } last) return last;
        try
        {
            await _first.Task.WaitAsync(wait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        return _last;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round waits for the ports to listen: the development issuer's discovery is served by this process.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);

        using var timer = new PeriodicTimer(options.Value.ProbePeriod, time);
        do
        {
            // Each check is bounded by its registration's timeout (HealthProbeOptions.ProbeTimeout), so a round ends.
            var report = await health.CheckHealthAsync(check => check.Tags.Contains(DependencyHealth.Ready), stoppingToken);
            _last = new Round(report, time.GetUtcNow());
            _first.TrySetResult();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
