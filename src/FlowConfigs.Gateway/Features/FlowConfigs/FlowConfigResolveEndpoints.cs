using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.ReadCopies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>Body of <c>POST /api/flow-config/preview</c>: an unsaved config and the contact to resolve it for.</summary>
public sealed record PreviewRequest(FlowConfig FlowConfig, string? Lang, string? Channel);

internal static class FlowConfigResolveEndpoints
{
    public static async Task<Results<FileContentHttpResult, BadRequestProblem, NotFoundProblem>> ResolveAsync(
        ConfigId configId, ConfigReadCopies configs, SettingsSnapshot settings, string? lang = null, string? channel = null)
    {
        var request = ConfigRequest.FromQuery(configId.Value, lang, channel);
        if (request.Request is not { } contact) return Problems.Field(request.Field!, request.Message!);

        // The same answer GetConfig gives through this gateway, from the same memory.
        var (resolved, _) = await configs.ReadAsync(configId.Value, contact.Language, contact.Channel, settings.Current.FallbackLocale);
        return resolved is null
            ? Problems.ConfigNotFound(configId.Value)
            : TypedResults.Bytes(resolved.Utf8Json, "application/json");
    }

    private const int MaxPreviewBodyBytes = FlowConfigsApi.MaxConfigBodyBytes + 1024;
    private static readonly HashSet<string> PreviewFields = ["flowConfig", "lang", "channel"];

    public static async Task<Results<FileContentHttpResult, BodyProblem, ForbiddenProblem>> PreviewAsync(
        HttpContext context, CallerAccess access, SettingsSnapshot settings, IGrainFactory grains)
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

        var read = FlowConfigDocument.Read(document, null);
        if (!read.IsValid)
            return Problems.BodyFields(read.Errors.ToDictionary().ToDictionary(e => "flowConfig." + e.Key, e => e.Value), read.Errors.ToString());
        var config = read.Value!;

        if (await access.RequireAsync(config.Id, AccessLevel.Read, "Previewing", context.RequestAborted) is { } denied) return denied;
        if (await ScheduleCalendars.MissingAsync(config, grains) is { IsEmpty: false } missing)
            return Problems.BodyFields(missing.ToDictionary().ToDictionary(e => "flowConfig." + e.Key, e => e.Value), missing.ToString());

        var request = ConfigRequest.FromQuery(config.Id, lang, channel);
        if (request.Request is not { } contact) return Problems.Body(request.Field!, request.Message!);
        var bytes = ConfigResolver.ResolveUtf8(config, contact.Language, contact.Channel, settings.Current.FallbackLocale);
        return TypedResults.Bytes(bytes, "application/json");
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
