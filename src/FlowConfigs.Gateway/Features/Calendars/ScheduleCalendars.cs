using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Calendars;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>
/// A config's schedule may only name calendars that exist: a typo would otherwise be an entry that is silently never
/// active. Checked wherever a config comes in (save, import, preview).
/// </summary>
internal static class ScheduleCalendars
{
    /// <summary>One error per schedule entry naming a calendar that does not exist, at <c>schedule[i].calendar</c>; empty when none.</summary>
    /// <exception cref="Grains.Storage.StorageFaultException">A calendar cannot be read (answered as a 503).</exception>
    public static async Task<FieldErrors> MissingAsync(FlowConfig config, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (config.Schedule is not { Count: > 0 } schedule) return errors;

        var named = schedule.Select(entry => entry.Calendar).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        // An id that breaks the id rules names nothing that could exist; no grain is woken for it.
        var exists = await Task.WhenAll(named.Select(async id =>
            FlowConfigId.Validate(id) is null && await grains.GetGrain<ICalendarGrain>(id).GetAsync() is not null));
        var missing = named.Where((_, i) => !exists[i]).ToHashSet(StringComparer.Ordinal);

        for (var i = 0; i < schedule.Count; i++)
            if (schedule[i].Calendar is { } id && missing.Contains(id))
                errors.Add($"schedule[{i}].calendar", $"Calendar {id} does not exist. Create it first, or name one of the calendars listed at /api/calendars.");
        return errors;
    }
}
