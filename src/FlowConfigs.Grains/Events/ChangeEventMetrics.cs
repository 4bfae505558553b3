using System.Diagnostics.Metrics;

namespace FlowConfigs.Grains.Events;

/// <summary>
/// How change events leave, for an operator's alarm: a receiver that refuses one event holds back every later one (in
/// order per config), so the age of the oldest undelivered event is what says "their system is not hearing us".
/// Only the silo hosting the dispatcher reports the age; the others report nothing.
/// </summary>
public sealed class ChangeEventMetrics
{
    public const string MeterName = "FlowConfigs.Events";
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failedAttempts;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private bool _hosting;
    private DateTimeOffset? _oldestUndeliveredAt;

    public ChangeEventMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(MeterName);
        _delivered = meter.CreateCounter<long>("flowconfigs.events.delivered", unit: "{event}",
            description: "Change events the receiver accepted (a repeat after a crash counts again: delivery is at least once).");
        _failedAttempts = meter.CreateCounter<long>("flowconfigs.events.failed_attempts", unit: "{attempt}",
            description: "Delivery attempts that failed: the receiver down or refusing, or the outbox unreadable.");
        meter.CreateObservableGauge("flowconfigs.events.undelivered_age", ObserveAge, unit: "s",
            description: "Age of the oldest change event a failed attempt left waiting; 0 while delivery keeps up.");
    }

    /// <summary>The dispatcher runs on this silo from now on (until <see cref="Left"/>).</summary>
    public void Hosting()
    {
        lock (_gate) _hosting = true;
    }

    public void Left()
    {
        lock (_gate) (_hosting, _oldestUndeliveredAt) = (false, null);
    }

    public void Delivered() => _delivered.Add(1);

    /// <summary>The outbox is empty: nothing waits.</summary>
    public void CaughtUp()
    {
        lock (_gate) _oldestUndeliveredAt = null;
    }

    /// <param name="waitingSince">When the event that failed was written; null when the outbox could not be read.</param>
    public void Failed(DateTimeOffset? waitingSince)
    {
        _failedAttempts.Add(1);
        lock (_gate) _oldestUndeliveredAt = waitingSince ?? _oldestUndeliveredAt ?? _clock.GetUtcNow();
    }

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        lock (_gate)
        {
            if (!_hosting) return [];
            var age = _oldestUndeliveredAt is { } since ? Math.Max(0, (_clock.GetUtcNow() - since).TotalSeconds) : 0;
            return [new Measurement<double>(age)];
        }
    }
}
