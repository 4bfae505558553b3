using FlowConfigs.Grains.Events;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Gateway.Features.Events;

/// <summary>Provider <c>None</c>: every event counts as delivered, so the outbox is emptied instead of growing with no reader.</summary>
internal sealed class DiscardedChangeEvents : IChangeEventSink
{
    public Task DeliverAsync(OutboxEvent change, CancellationToken cancellationToken) => Task.CompletedTask;
}
