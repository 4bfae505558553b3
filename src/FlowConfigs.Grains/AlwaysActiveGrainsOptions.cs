using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Grains;

/// <summary>How soon the grains whose timers run with nobody asking come back after their silo was lost.</summary>
public sealed class AlwaysActiveGrainsOptions
{
    /// <summary>
    /// How often every silo brings back the change event dispatcher and the draft directory, and how often the
    /// directory wakes configs whose scheduled publish falls within two of these. A publish on a lost task goes live
    /// at most about this much late; each wake reads nothing from storage, so a shorter period costs only calls.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromSeconds(30);
}
