using System.Text.Json;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>Body of <c>POST /api/flow-config/preview</c>: an unsaved config and the contact to resolve it for.</summary>
public sealed record PreviewRequest(FlowConfig FlowConfig, string? Lang, string? Channel);

internal static class FlowConfigResolveEndpoints
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResolveAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access, SettingsSnapshot settings,
        string? lang = null, string? channel = null)
    {
        var (id, invalid) = ConfigAccess.RouteId(context);
        if (invalid is not null) return invalid;
        var (_, denied) = await ConfigAccess.RequireAsync(context, access, id!, AccessLevel.Read, "Resolving");
        if (denied is not null) return denied;

        var request = ConfigRequest.FromQuery(id!, lang, channel);
        if (request.Request is not { } contact) return Problems.Field(request.Field!, request.Message!);

        var resolved = await grains.GetGrain<IFlowConfigGrain>(id!).ResolveAsync(contact.Language, contact.Channel, settings.Current.FallbackLocale);
        return resolved is null
            ? Problems.ConfigNotFound(id!)
            : TypedResults.Bytes(resolved.Utf8Json, "application/json");
    }

    private const int MaxPreviewBodyBytes = FlowConfigsApi.MaxConfigBodyBytes + 1024;
    private static readonly HashSet<string> PreviewFields = ["flowConfig", "lang", "channel"];

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PreviewAsync(
        HttpContext context, IAccessDecider access, SettingsSnapshot settings)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, MaxPreviewBodyBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var root = body!.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return Problems.Field("body", "The body must be a JSON object.");
        foreach (var property in root.EnumerateObject())
            if (!PreviewFields.Contains(property.Name))
                return Problems.Field(property.Name, $"Unknown field '{property.Name}'.");
        if (!root.TryGetProperty("flowConfig", out var document))
            return Problems.Field("flowConfig", "flowConfig is required.");
        if (!TryOptionalString(root, "lang", out var lang)) return Problems.Field("lang", "lang must be a string.");
        if (!TryOptionalString(root, "channel", out var channel)) return Problems.Field("channel", "channel must be a string.");

        var read = FlowConfigDocument.Read(document, null);
        if (!read.IsValid)
            return Problems.Fields(read.Errors.ToDictionary().ToDictionary(e => "flowConfig." + e.Key, e => e.Value), read.Errors.ToString());
        var config = read.Value!;

        var (_, denied) = await ConfigAccess.RequireAsync(context, access, config.Id, AccessLevel.Read, "Previewing");
        if (denied is not null) return denied;

        var request = ConfigRequest.FromQuery(config.Id, lang, channel);
        if (request.Request is not { } contact) return Problems.Field(request.Field!, request.Message!);
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
