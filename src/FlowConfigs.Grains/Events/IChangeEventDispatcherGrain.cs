using Orleans.Concurrency;

namespace FlowConfigs.Grains.Events;

/// <summary>
/// Delivers the outbox's change events in order (key 0: there is one dispatcher). Writers nudge it after an acknowledged
/// write so delivery starts at once; it also polls, so an event whose nudge was lost (or written before a crash) still goes.
/// </summary>
public interface IChangeEventDispatcherGrain : IGrainWithIntegerKey
{
    /// <summary>Asks for a delivery pass soon; returns at once, and a nudge while a pass runs is folded into the next one.</summary>
    [OneWay]
    Task NudgeAsync();
}
