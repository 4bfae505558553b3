using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.FlowConfigs;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>
/// A config's schedule may only name calendars that exist: a typo would otherwise be an entry that is silently never
/// active. Checked wherever a config comes in (save, import, preview).
/// </summary>
internal static class ScheduleCalendars
{
    /// <summary>One error per schedule entry naming a calendar that does not exist, at <c>schedule[i].calendar</c>; empty when none.</summary>
    /// <exception cref="Grains.Storage.StorageFaultException">A calendar cannot be read (answered as a 503).</exception>
    public static async Task<FieldErrors> MissingAsync(FlowConfig config, IGrainFactory grains) =>
        Missing(config, await ScheduleContext.CalendarsOfAsync(grains, config));

    /// <param name="existing">The calendars the schedule names that exist (<see cref="ScheduleContext.CalendarsOfAsync"/>).</param>
    public static FieldErrors Missing(FlowConfig config, IReadOnlyDictionary<string, Calendar> existing)
    {
        var errors = new FieldErrors();
        if (config.Schedule is not { Count: > 0 } schedule) return errors;
        for (var i = 0; i < schedule.Count; i++)
            if (schedule[i].Calendar is { } id && !existing.ContainsKey(id))
                errors.Add($"schedule[{i}].calendar", $"Calendar {id} does not exist. Create it first, or name one of the calendars listed at /api/calendars.");
        return errors;
    }
}
