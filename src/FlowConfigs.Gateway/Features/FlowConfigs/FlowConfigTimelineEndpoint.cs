using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary><c>GET /api/flow-config/{id}/timeline</c>: which schedule entries apply when, for the editor's timeline.</summary>
internal static class FlowConfigTimelineEndpoint
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(28);

    /// <summary>A year and a bit: enough for "this year's holidays", small enough to answer at once.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(400);

    /// <param name="from">Absent: now.</param>
    /// <param name="to">Absent: four weeks after <paramref name="from"/>.</param>
    public static async Task<Results<Ok<IReadOnlyList<TimelineSegment>>, BadRequestProblem, NotFoundProblem>> TimelineAsync(
        ConfigId configId, IGrainFactory grains, SettingsSnapshot settings, TimeProvider clock, string? from = null, string? to = null)
    {
        var (config, calendars) = await ScheduleContext.ReadAsync(grains, configId.Value);
        if (config is null) return Problems.ConfigNotFound(configId.Value);
        var defaults = settings.Defaults;
        var zone = ScheduleContext.ZoneOf(config, defaults);

        var start = clock.GetUtcNow();
        if (from is not null)
        {
            if (ScheduleEvaluator.ParseMoment(from, zone) is not { } parsedFrom)
                return Problems.Field("from", $"'{from}' is not {ScheduleContext.MomentForms}.");
            start = parsedFrom;
        }

        var end = start + DefaultSpan;
        if (to is not null)
        {
            if (ScheduleEvaluator.ParseMoment(to, zone) is not { } parsedTo)
                return Problems.Field("to", $"'{to}' is not {ScheduleContext.MomentForms}.");
            end = parsedTo;
        }
        if (end <= start) return Problems.Field("to", "'to' must be after 'from'.");
        if (end - start > MaxSpan) return Problems.Field("to", $"A timeline covers at most {MaxSpan.TotalDays:0} days; ask for a shorter range.");

        return TypedResults.Ok(ScheduleEvaluator.Timeline(config, defaults.TimeZone, calendars, start, end));
    }
}
