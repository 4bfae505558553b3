using System.Diagnostics;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Usage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace FlowConfigs.Gateway.Features.Connect;

/// <summary>
/// GetConfig on the internal port, for the Lambda a contact flow invokes. A caller is waiting: the resolved map comes
/// from this silo's memory (the hosting activation's snapshot or this silo's read copy) as cached UTF-8 bytes and is
/// written as it is; only a config this silo has not served yet costs a grain call.
/// </summary>
internal static class ConnectApi
{
    /// <summary>Connect events carry contact attributes; 128 KB leaves room for them.</summary>
    private const int MaxEventBytes = 128 * 1024;

    /// <summary>
    /// Where the answer came from, in the standard header for server-side details (<c>Server-Timing</c>): operators
    /// and tests can tell a read copy from a grain call without metrics. Preallocated: this is the hot path.
    /// </summary>
    private static readonly StringValues[] SourceTimings =
        [new("getconfig;desc=local"), new("getconfig;desc=copy"), new("getconfig;desc=grain")];

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
        ConfigId configId, HttpResponse response, ConfigReadCopies configs, SettingsSnapshot settings, GetConfigMetrics metrics,
        UsageCounters usage, string? lang = null, string? channel = null)
    {
        var started = Stopwatch.GetTimestamp();
        var request = ConfigRequest.FromQuery(configId.Value, lang, channel);
        return await ResolveAsync(request, response, configs, settings, metrics, usage, started);
    }

    public static async Task<Results<FileContentHttpResult, BodyProblem, BadRequestProblem, NotFoundProblem>> ConnectEventAsync(
        HttpContext context, ConfigReadCopies configs, SettingsSnapshot settings, GetConfigMetrics metrics, UsageCounters usage)
    {
        var started = Stopwatch.GetTimestamp();
        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, MaxEventBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;
        return (await ResolveAsync(ConfigRequest.FromEvent(body!.RootElement), context.Response, configs, settings, metrics, usage, started)).Result switch
        {
            FileContentHttpResult map => map,
            BadRequestProblem invalid => invalid,
            var missing => (NotFoundProblem)missing!,
        };
    }

    private static async Task<Results<FileContentHttpResult, BadRequestProblem, NotFoundProblem>> ResolveAsync(
        ConfigRequestResult request, HttpResponse response, ConfigReadCopies configs, SettingsSnapshot settings,
        GetConfigMetrics metrics, UsageCounters usage, long started)
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

        var (resolved, source) = await configs.ReadAsync(contact.Id, contact.Language, contact.Channel, settings.Defaults);
        usage.Record(contact.Id, contact.Language, contact.ConnectChannel, resolved);
        metrics.Record(started, SourceName(source), resolved);
        response.Headers["Server-Timing"] = SourceTimings[(int)source];
        return resolved is null
            ? Problems.ConfigNotFound(contact.Id)
            : TypedResults.Bytes(resolved.Utf8Json, "application/json");
    }

    private static string SourceName(ResolvedSource source) => source switch
    {
        ResolvedSource.Local => "local",
        ResolvedSource.Copy => "copy",
        _ => "grain",
    };
}
