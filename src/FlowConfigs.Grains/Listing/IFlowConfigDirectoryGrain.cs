using FlowConfigs.Domain.Configs;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Listing;

/// <summary>The list of every config's summary, kept in memory (key 0: there is one directory).</summary>
public interface IFlowConfigDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Up to <paramref name="count"/> summaries whose id starts with <paramref name="idPrefix"/> (any id when empty) and
    /// sorts after <paramref name="after"/> (from the start when null), in ordinal id order. Fewer than
    /// <paramref name="count"/> means there are no more.
    /// </summary>
    [ReadOnly]
    Task<Immutable<FlowConfigSummary[]>> PageAsync(string? idPrefix, string? after, int count);

    /// <summary>
    /// Summaries in ordinal id order after <paramref name="after"/> whose id starts with <paramref name="idPrefix"/> and,
    /// when <paramref name="text"/> is given, whose id, description or changed-by contains it in any letter case. Stops
    /// at <paramref name="count"/> matches or after looking at <paramref name="lookAtMost"/> entries, whichever comes
    /// first, so a search for something rare costs a bounded amount per call.
    /// </summary>
    [ReadOnly]
    Task<DirectoryMatches> FindAsync(string? idPrefix, string? text, string? after, int count, int lookAtMost);

    /// <summary>Ids of the configs whose schedule references calendar <paramref name="calendarId"/>, in ordinal order.</summary>
    [ReadOnly]
    Task<string[]> ReferencingAsync(string calendarId);

    /// <summary>
    /// Records version <paramref name="version"/> of a config: its summary, or null when that version deleted it, and
    /// the calendars its schedule references.
    /// </summary>
    Task ApplyAsync(string id, long version, FlowConfigSummary? summary, string[] calendars);
}
