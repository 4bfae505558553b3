using System.Diagnostics;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Connect;

/// <summary>
/// GetConfig on the internal port, for the Lambda a contact flow invokes. A caller is waiting: the grain hands over
/// the resolved map as cached UTF-8 bytes and they are written as they are.
/// </summary>
internal static class ConnectApi
{
    /// <summary>Connect events carry contact attributes; 128 KB leaves room for them.</summary>
    private const int MaxEventBytes = 128 * 1024;

    public static WebApplicationBuilder AddConnect(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GetConfigMetrics>();
        return builder;
    }

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/internal").WithTags("GetConfig (internal port)");
        group.MapGet("/config/{id}", GetConfigAsync).WithName("GetConfig");
        group.MapPost("/connect", ConnectEventAsync).WithName("GetConfigForConnectEvent")
            .Accepts<object>("application/json");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, BadRequestProblem, NotFoundProblem>> GetConfigAsync(
        ConfigId configId, IGrainFactory grains, LocalResolvedConfigs local, SettingsSnapshot settings, GetConfigMetrics metrics,
        string? lang = null, string? channel = null)
    {
        var started = Stopwatch.GetTimestamp();
        var request = ConfigRequest.FromQuery(configId.Value, lang, channel);
        return await ResolveAsync(request, grains, local, settings, metrics, started);
    }

    public static async Task<Results<FileContentHttpResult, BodyProblem, BadRequestProblem, NotFoundProblem>> ConnectEventAsync(
        HttpContext context, IGrainFactory grains, LocalResolvedConfigs local, SettingsSnapshot settings, GetConfigMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, MaxEventBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;
        return (await ResolveAsync(ConfigRequest.FromEvent(body!.RootElement), grains, local, settings, metrics, started)).Result switch
        {
            FileContentHttpResult map => map,
            BadRequestProblem invalid => invalid,
            var missing => (NotFoundProblem)missing!,
        };
    }

    private static async Task<Results<FileContentHttpResult, BadRequestProblem, NotFoundProblem>> ResolveAsync(
        ConfigRequestResult request, IGrainFactory grains, LocalResolvedConfigs local, SettingsSnapshot settings,
        GetConfigMetrics metrics, long started)
    {
        if (request.Request is not { } contact)
        {
            metrics.Record(started, "none", "bad_request");
            return Problems.Field(request.Field!, request.Message!);
        }
        if (FlowConfigId.Validate(contact.Id) is { } error)
        {
            metrics.Record(started, "none", "bad_request");
            return Problems.Field("id", error);
        }

        var fallback = settings.Current.FallbackLocale;
        // The activation lives in this silo and holds acknowledged state: read its snapshot without a grain call.
        if (local.TryGet(contact.Id, contact.Language, contact.Channel, fallback, out var cached))
        {
            metrics.Record(started, "local", "ok");
            return TypedResults.Bytes(cached.Utf8Json, "application/json");
        }

        var resolved = await grains.GetGrain<IFlowConfigGrain>(contact.Id).ResolveAsync(contact.Language, contact.Channel, fallback);
        metrics.Record(started, "grain", resolved is null ? "not_found" : "ok");
        return resolved is null
            ? Problems.ConfigNotFound(contact.Id)
            : TypedResults.Bytes(resolved.Utf8Json, "application/json");
    }
}
