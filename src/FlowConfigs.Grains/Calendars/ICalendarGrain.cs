using FlowConfigs.Domain.Schedules;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Calendars;

/// <summary>One shared calendar, keyed by its id, held in memory.</summary>
public interface ICalendarGrain : IGrainWithStringKey
{
    /// <summary>The stored calendar, or null when there is none.</summary>
    /// <exception cref="Storage.StorageFaultException">The stored document cannot be read, or storage is not answering.</exception>
    [AlwaysInterleave]
    Task<Calendar?> GetAsync();
}
