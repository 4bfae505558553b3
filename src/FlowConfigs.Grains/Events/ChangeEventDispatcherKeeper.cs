using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Events;

/// <summary>
/// Nudges the dispatcher from every silo now and then. Its activation goes down with its silo, timers and all; the next
/// write's nudge brings it back, but events acknowledged before the loss must not wait for a write that may not come.
/// </summary>
internal sealed partial class ChangeEventDispatcherKeeper(IGrainFactory grains, TimeProvider clock, ILogger<ChangeEventDispatcherKeeper> logger)
    : BackgroundService
{
    /// <summary>Long next to the dispatcher's own poll: this only brings back an activation that was lost.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IChangeEventDispatcherGrain>(0).NudgeAsync();
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException or InvalidOperationException)
            {
                // The silo is starting or stopping; the next tick tries again.
                LogNudgeFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nudging the change event dispatcher failed: {Reason}")]
    private static partial void LogNudgeFailed(ILogger logger, string reason);
}
