using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.ReadCopies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>
/// Body of <c>POST /api/flow-config/preview</c>: an unsaved config, the contact to resolve it for and, optionally, the
/// moment (local to the config's zone, or with an offset) whose schedule applies; absent: now.
/// </summary>
public sealed record PreviewRequest(FlowConfig FlowConfig, string? Lang, string? Channel, string? At);

internal static class FlowConfigResolveEndpoints
{
    /// <param name="at">Absent: now, the same answer GetConfig gives. Else the moment whose schedule applies.</param>
    public static async Task<Results<FileContentHttpResult, BadRequestProblem, NotFoundProblem>> ResolveAsync(
        ConfigId configId, ConfigReadCopies configs, SettingsSnapshot settings, IGrainFactory grains,
        string? lang = null, string? channel = null, string? at = null)
    {
        var request = ConfigRequest.FromQuery(configId.Value, lang, channel);
        if (request.Request is not { } contact) return Problems.Field(request.Field!, request.Message!);
        var defaults = settings.Defaults;

        if (at is null)
        {
            // The same answer GetConfig gives through this gateway, from the same memory.
            var (resolved, _) = await configs.ReadAsync(configId.Value, contact.Language, contact.Channel, defaults);
            return resolved is null
                ? Problems.ConfigNotFound(configId.Value)
                : TypedResults.Bytes(resolved.Utf8Json, "application/json");
        }

        var (config, calendars) = await ScheduleContext.ReadAsync(grains, configId.Value);
        if (config is null) return Problems.ConfigNotFound(configId.Value);
        if (ScheduleEvaluator.ParseMoment(at, ScheduleContext.ZoneOf(config, defaults)) is not { } moment)
            return Problems.Field("at", $"'{at}' is not {ScheduleContext.MomentForms}.");
        var effective = ScheduleEvaluator.At(config, defaults.TimeZone, calendars, moment).Effective;
        return TypedResults.Bytes(ConfigResolver.ResolveUtf8(effective, contact.Language, contact.Channel, defaults.FallbackLocale), "application/json");
    }

    private const int MaxPreviewBodyBytes = FlowConfigsApi.MaxConfigBodyBytes + 1024;
    private static readonly HashSet<string> PreviewFields = ["flowConfig", "lang", "channel", "at"];

    public static async Task<Results<FileContentHttpResult, BodyProblem, ForbiddenProblem>> PreviewAsync(
        HttpContext context, CallerAccess access, SettingsSnapshot settings, IGrainFactory grains, TimeProvider clock)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, MaxPreviewBodyBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var root = body!.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return Problems.Body("body", "The body must be a JSON object.");
        foreach (var property in root.EnumerateObject())
            if (!PreviewFields.Contains(property.Name))
                return Problems.Body(property.Name, $"Unknown field '{property.Name}'.");
        if (!root.TryGetProperty("flowConfig", out var document))
            return Problems.Body("flowConfig", "flowConfig is required.");
        if (!TryOptionalString(root, "lang", out var lang)) return Problems.Body("lang", "lang must be a string.");
        if (!TryOptionalString(root, "channel", out var channel)) return Problems.Body("channel", "channel must be a string.");
        if (!TryOptionalString(root, "at", out var at)) return Problems.Body("at", "at must be a string.");

        var read = FlowConfigDocument.Read(document, null);
        if (!read.IsValid)
            return Problems.BodyFields(read.Errors.ToDictionary().ToDictionary(e => "flowConfig." + e.Key, e => e.Value), read.Errors.ToString());
        var config = read.Value!;

        if (await access.RequireAsync(config.Id, AccessLevel.Read, "Previewing", context.RequestAborted) is { } denied) return denied;
        var calendars = await ScheduleContext.CalendarsOfAsync(grains, config);
        if (ScheduleCalendars.Missing(config, calendars) is { IsEmpty: false } missing)
            return Problems.BodyFields(missing.ToDictionary().ToDictionary(e => "flowConfig." + e.Key, e => e.Value), missing.ToString());
        var (bytes, field, message) = ResolveUnsaved(config, calendars, lang, channel, at, settings.Defaults, clock);
        return bytes is null ? Problems.Body(field!, message!) : TypedResults.Bytes(bytes, "application/json");
    }

    /// <summary>
    /// What GetConfig would answer for a config that is not live (a preview, a draft) with <paramref name="calendars"/>,
    /// at <paramref name="at"/> (now when absent); or the query field that is wrong and why.
    /// </summary>
    internal static (byte[]? Bytes, string? Field, string? Message) ResolveUnsaved(FlowConfig config, IReadOnlyDictionary<string, Calendar> calendars,
        string? lang, string? channel, string? at, ResolveDefaults defaults, TimeProvider clock)
    {
        var request = ConfigRequest.FromQuery(config.Id, lang, channel);
        if (request.Request is not { } contact) return (null, request.Field, request.Message);
        var moment = clock.GetUtcNow();
        if (at is not null)
        {
            if (ScheduleEvaluator.ParseMoment(at, ScheduleContext.ZoneOf(config, defaults)) is not { } parsed)
                return (null, "at", $"'{at}' is not {ScheduleContext.MomentForms}.");
            moment = parsed;
        }
        var effective = ScheduleEvaluator.At(config, defaults.TimeZone, calendars, moment).Effective;
        return (ConfigResolver.ResolveUtf8(effective, contact.Language, contact.Channel, defaults.FallbackLocale), null, null);
    }

    private static bool TryOptionalString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.String) { value = null; return false; }
        value = element.GetString();
        return true;
    }
}
