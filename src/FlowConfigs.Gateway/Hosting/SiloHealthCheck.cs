using FlowConfigs.Grains.Settings;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>Ready means a grain call round-trips: the silo is up and storage answered the settings grain's activation.</summary>
internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Grain calls are failing.", exception);
        }
    }
}
