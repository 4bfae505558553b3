using FlowConfigs.Grains.Drafts;
using FlowConfigs.Grains.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains;

/// <summary>
/// Calls, from every silo now and then, the one-per-cluster grains whose timers must keep running with nobody asking:
/// the change event dispatcher and the draft directory (which wakes scheduled publishes). An activation goes down
/// with its silo, timers and all; this brings it back within an interval, though no write or request comes.
/// </summary>
internal sealed partial class AlwaysActiveGrainsKeeper(
    IGrainFactory grains,
    IOptions<AlwaysActiveGrainsOptions> options,
    TimeProvider clock,
    ILogger<AlwaysActiveGrainsKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeepAlivePeriod, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IChangeEventDispatcherGrain>(0).NudgeAsync();
                await grains.GetGrain<IDraftDirectoryGrain>(0).KeepAliveAsync();
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException or InvalidOperationException)
            {
                // The silo is starting or stopping; the next tick tries again.
                LogCallFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Keeping the always-active grains active failed: {Reason}")]
    private static partial void LogCallFailed(ILogger logger, string reason);
}
