using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Configs;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Calendars;

/// <summary>One shared calendar, keyed by its id, held in memory.</summary>
/// <remarks>
/// Reads interleave with writes: they see the last acknowledged state, so configs re-reading a calendar while it is
/// being written are never held. After every acknowledged write the configs that reference it are told.
/// </remarks>
public interface ICalendarGrain : IGrainWithStringKey
{
    /// <summary>The stored calendar, or null when there is none.</summary>
    /// <exception cref="Storage.StorageFaultException">The stored document cannot be read, or storage is not answering.</exception>
    [AlwaysInterleave]
    Task<Calendar?> GetAsync();

    /// <summary>
    /// The stored version with the calendar (null when deleted or never stored): a config counts a deleted calendar's
    /// version too, so what it serves still moves forward when the calendar goes.
    /// </summary>
    /// <exception cref="Storage.StorageFaultException">The stored document cannot be read, or storage is not answering.</exception>
    [AlwaysInterleave]
    Task<VersionedCalendar> GetVersionedAsync();

    /// <summary>Creates or replaces the calendar (its id, version and who/when are the server's).</summary>
    Task<CalendarSaveOutcome> SaveAsync(Calendar proposed, SaveCondition condition, string username);

    /// <summary>
    /// Replaces the events and keeps the description; creates the calendar with <paramref name="descriptionIfNew"/>
    /// when there is none.
    /// </summary>
    Task<CalendarSaveOutcome> ImportAsync(IReadOnlyList<CalendarEvent> events, string descriptionIfNew, SaveCondition condition, string username);

    Task<DeleteOutcome> DeleteAsync(SaveCondition condition, string username);

    /// <summary>Saves revision <paramref name="toVersion"/>'s document as a new version (restoring a deleted calendar too).</summary>
    Task<CalendarSaveOutcome> RollbackAsync(long toVersion, SaveCondition condition, string username);

    /// <summary>Every kept revision, newest first (empty when the calendar never had one).</summary>
    [AlwaysInterleave]
    Task<HistoryOutcome> GetHistoryAsync();

    [AlwaysInterleave]
    Task<CalendarRevisionOutcome> GetRevisionAsync(long version);
}

/// <summary>A calendar's stored version (0: never stored) and the calendar, null when there is none.</summary>
[GenerateSerializer, Immutable]
public sealed record VersionedCalendar([property: Id(0)] long Version, [property: Id(1)] Calendar? Calendar);
