using System.Text.Json;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>
/// A config someone wants stored, live or as a draft, checked the same way for both: strictly read, within the size
/// GetConfig may answer, and naming only calendars that exist.
/// </summary>
internal static class ProposedConfig
{
    public static async Task<(FlowConfig? Config, BodyProblem? Problem)> CheckAsync(JsonElement body, string id, SettingsSnapshot settings, IGrainFactory grains)
    {
        var read = FlowConfigDocument.Read(body, id);
        if (!read.IsValid) return (null, Problems.BodyFields(read.Errors));
        var proposed = read.Value!;
        if (FlowConfigRules.CheckSize(proposed, settings.Current.FallbackLocale) is { } tooLarge)
            return (null, Problems.Body(tooLarge.Field, tooLarge.Message, StatusCodes.Status413PayloadTooLarge));
        if (await ScheduleCalendars.MissingAsync(proposed, grains) is { IsEmpty: false } missing)
            return (null, Problems.BodyFields(missing));
        return (proposed, null);
    }
}
