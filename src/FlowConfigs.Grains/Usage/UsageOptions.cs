using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Grains.Usage;

/// <summary>How GetConfig reads are counted (section <c>FlowConfigs:Usage</c>).</summary>
public sealed class UsageOptions
{
    public const string Section = "FlowConfigs:Usage";

    /// <summary>Whether GetConfig reads are counted at all (the usage pages then show none).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each task hands its counts to the usage grains; a task killed outright loses at most this much.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan FlushEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Unknown ids a task tracks between flushes: the most requested this many are kept, so a flood of random ids
    /// costs a fixed amount of memory.
    /// </summary>
    [Range(10, 100_000)]
    public int MaxUnknownIds { get; set; } = 1000;

    /// <summary>(config, language, channel, day) counters a task keeps between flushes; past it, odd languages share one.</summary>
    [Range(100, 1_000_000)]
    public int MaxCounters { get; set; } = 50_000;
}
