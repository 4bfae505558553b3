using Orleans.Concurrency;

namespace FlowConfigs.Grains.Calendars;

/// <summary>Every calendar's summary, held in memory (one grain, key 0): calendars are few, and listed on every calendar page.</summary>
public interface ICalendarDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The summaries of the calendars that exist, in ordinal id order.</summary>
    /// <exception cref="Storage.StorageFaultException">Storage did not answer while the list was first read.</exception>
    [ReadOnly]
    Task<CalendarSummary[]> ListAsync();

    /// <summary>Records version <paramref name="version"/> of a calendar: its summary, or null when that version deleted it.</summary>
    Task ApplyAsync(string id, long version, CalendarSummary? summary);
}
