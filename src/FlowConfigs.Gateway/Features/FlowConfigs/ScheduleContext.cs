using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.ReadCopies;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>A config with the calendars its schedule references: what previews at a chosen time and the timeline need.</summary>
internal static class ScheduleContext
{
    private static readonly IReadOnlyDictionary<string, Calendar> None = new Dictionary<string, Calendar>();

    /// <summary>The stored config (null: none) and the calendars its grain serves it with.</summary>
    public static async Task<(FlowConfig? Config, IReadOnlyDictionary<string, Calendar> Calendars)> ReadAsync(IGrainFactory grains, string id)
    {
        var copy = await grains.GetGrain<IFlowConfigGrain>(id).GetCopyAsync(ServedVersion.NothingHeld);
        return (copy.Config, copy.Calendars is { Length: > 0 } calendars ? calendars.ToDictionary(c => c.Id, StringComparer.Ordinal) : None);
    }

    /// <summary>The calendars an unsaved config's schedule references, as stored now; a missing one is left out.</summary>
    public static async Task<IReadOnlyDictionary<string, Calendar>> CalendarsOfAsync(IGrainFactory grains, FlowConfig config)
    {
        // An id that breaks the id rules names nothing that could exist; no grain is woken for it.
        var ids = config.Schedule?.Select(e => e.Calendar).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(id => FlowConfigId.Validate(id) is null).ToArray() ?? [];
        if (ids.Length == 0) return None;
        var calendars = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICalendarGrain>(id).GetAsync()));
        return calendars.OfType<Calendar>().ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The zone a config's local times are in.</summary>
    public static string ZoneOf(FlowConfig config, ResolveDefaults defaults) => config.TimeZone ?? defaults.TimeZone;

    public const string MomentForms = "a local time such as 2026-12-25T09:00 (in the config's zone) or a time with an offset such as 2026-12-25T09:00-06:00";
}
