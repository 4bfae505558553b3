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
            try
            {
                await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync().WaitAsync(cancellationToken);
            }
            catch (OrleansMessageRejectionException)
            {
                // The activation was on a silo that is leaving or just left; the retry places it on a live one.
                await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync().WaitAsync(cancellationToken);
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Grain calls are failing.", exception);
        }
    }
}
