using FlowConfigs.Grains.Events;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Storage;

/// <summary>Tells the change event dispatcher that an acknowledged write put an event in the outbox, so it goes at once rather than at the next poll.</summary>
public sealed class OutboxNudge(IGrainFactory grains, ILogger<OutboxNudge> logger)
{
    public void Nudge()
    {
        try
        {
            grains.GetGrain<IChangeEventDispatcherGrain>(0).NudgeAsync().Ignore();
        }
        catch (Exception exception) when (exception is OrleansException or InvalidOperationException)
        {
            // The event is stored: the dispatcher's poll sends it.
            logger.LogDebug("Nudging the change event dispatcher failed: {Reason}", exception.Message);
        }
    }
}
