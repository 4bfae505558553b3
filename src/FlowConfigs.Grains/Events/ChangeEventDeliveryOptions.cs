using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Grains.Events;

/// <summary>How the dispatcher paces delivery: how often it looks at the outbox unasked, and how it backs off a receiver that is down.</summary>
public sealed class ChangeEventDeliveryOptions
{
    /// <summary>
    /// A look at the outbox besides the nudge every acknowledged write sends, for events whose nudge was lost (a silo
    /// killed between its write and the nudge, or the dispatcher's own silo lost).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait after the first failed delivery; it doubles with each failure in a row up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Events read from the outbox at once.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;
}
