using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Listing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Calendars;

public sealed record CalendarList(IReadOnlyList<CalendarSummary> Items);

/// <summary>Ids of the configs whose schedule references a calendar, among those the caller may read.</summary>
public sealed record CalendarConfigList(IReadOnlyList<string> Items);

/// <summary>IANA (tzdb) zone ids, for a schedule's <c>timeZone</c>.</summary>
public sealed record TimeZoneList(IReadOnlyList<string> Items);

internal static class CalendarListEndpoints
{
    /// <summary>Every calendar, from the calendar list's memory (calendars are few, so there is no paging).</summary>
    public static async Task<Ok<CalendarList>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(new CalendarList(await grains.GetGrain<ICalendarDirectoryGrain>(0).ListAsync()));

    /// <summary>
    /// What a change to the calendar would reach, shown before making it. Configs the caller may not read stay
    /// invisible, as everywhere; a deleted calendar still answers with the configs that name it.
    /// </summary>
    public static async Task<Ok<CalendarConfigList>> ReferencingAsync(CalendarId calendarId, IGrainFactory grains, CallerAccess access, CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<IFlowConfigDirectoryGrain>(0).ReferencingAsync(calendarId.Value);
        var levels = ids.Length == 0 ? [] : await access.LevelsAsync(ids, cancellationToken);
        return TypedResults.Ok(new CalendarConfigList(ids.Where((_, i) => levels[i] >= AccessLevel.Read).ToArray()));
    }

    public static Ok<TimeZoneList> TimeZones() => TypedResults.Ok(new TimeZoneList(Domain.Schedules.TimeZones.Ids));
}
