namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// A shared list of dated events (public holidays, an emergency closure) that configs reference from their schedule.
/// Event times are floating local times, read in the zone of each config that references the calendar.
/// </summary>
public sealed record Calendar
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<CalendarEvent> Events { get; init; }
    /// <summary>Set by the server: 0 for a calendar never saved, then 1, 2, ...</summary>
    public long Version { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
}

/// <param name="Start"><c>yyyy-MM-ddTHH:mm[:ss]</c>, no offset.</param>
/// <param name="Repeat">An RRULE value; each occurrence keeps the local start and length.</param>
public sealed record CalendarEvent(string Name, string Start, string End, string? Repeat = null);
