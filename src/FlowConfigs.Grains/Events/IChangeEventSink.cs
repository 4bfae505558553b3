using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Events;

/// <summary>
/// Where change events go (a webhook, an event bus). The host registers at most one; without one the outbox is left as
/// it is, for a host that delivers nothing.
/// </summary>
public interface IChangeEventSink
{
    /// <summary>Returns once the event was accepted; throws when it was not (it is then offered again later, in order).</summary>
    /// <exception cref="ChangeEventNotDeliveredException">The receiver refused it or could not be reached.</exception>
    Task DeliverAsync(OutboxEvent change, CancellationToken cancellationToken);
}

/// <summary>A receiver refused an event or could not be reached; the message says which and why, for the log.</summary>
public sealed class ChangeEventNotDeliveredException(string message, Exception? inner = null) : Exception(message, inner);
