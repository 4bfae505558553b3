namespace FlowConfigs.Grains.Calendars;

/// <summary>A calendar as the list shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record CalendarSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Description,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset? UpdatedAt,
    [property: Id(4)] string? UpdatedBy,
    [property: Id(5)] int EventCount)
{
    public static CalendarSummary Of(Domain.Schedules.Calendar calendar) =>
        new(calendar.Id, calendar.Description, calendar.Version, calendar.UpdatedAt, calendar.UpdatedBy, calendar.Events.Count);
}
