using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Features.Speech;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Settings;

/// <summary>Locales, voices and the fallback locale: any user reads them, Full on <c>*</c> changes them.</summary>
internal static class SettingsApi
{
    private const int MaxSettingsBytes = 64 * 1024;

    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SettingsSnapshot>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SettingsSnapshot>());
        return builder;
    }

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").RequireAuthorization().WithTags("Settings");
        group.MapGet("/", GetAsync).WithName("GetSettings");
        group.MapMethods("/", [HttpMethods.Post, HttpMethods.Put], SaveAsync).WithName("SaveSettings")
            .Accepts<AppSettings>("application/json");
        return app;
    }

    public static async Task<Results<Ok<AppSettings>, ForbiddenProblem>> GetAsync(HttpContext context, IGrainFactory grains, Principal caller)
    {
        if (!AccessPolicy.HasAnyAccess(caller))
            return Problems.Forbidden("Reading settings needs access to at least one flow config.");
        var settings = await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync();
        context.Response.Headers.ETag = Preconditions.ETagFor(settings.Version);
        return TypedResults.Ok(settings);
    }

    public static async Task<Results<Ok<AppSettings>, ForbiddenProblem, BodyProblem, BadRequestProblem, PreconditionFailedProblem, UnavailableProblem>> SaveAsync(
        HttpContext context, IGrainFactory grains, CallerAccess access, SettingsSnapshot snapshot, ISpeechSynthesizer speech)
    {
        if (!await access.CanManageSettingsAsync(context.RequestAborted))
            return Problems.Forbidden("Changing settings needs Full access on every flow config (*).");

        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, MaxSettingsBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var read = AppSettingsDocument.Read(body!.RootElement);
        if (!read.IsValid) return Problems.BodyFields(read.Errors.ToDictionary(), AppSettingsDocument.Summary(read.Errors));
        var (condition, badHeader) = Preconditions.Read(context.Request, read.Value!.Version);
        if (badHeader is not null) return badHeader;
        if (condition!.MustNotExist || condition.MustExist)
            return Problems.Field("If-Match", "Settings always exist: use If-Match with a version.");

        if (SettingsVoices.AnyVoices(read.Value!))
        {
            SpeechVoiceList offered;
            try
            {
                offered = await speech.ListVoicesAsync(context.RequestAborted);
            }
            catch (SpeechUnavailableException exception)
            {
                // Saving unchecked voices is the bug this check exists for; better a retry than a voice nobody offers.
                return Problems.Unavailable("Voices unavailable",
                    $"The settings were not saved: the voices could not be checked because the speech provider's voice list cannot be read. {exception.Message}",
                    exception.RetryAfter ?? TimeSpan.FromSeconds(5));
            }
            var unknown = SettingsVoices.Check(read.Value!, offered);
            if (!unknown.IsEmpty)
                return Problems.Fields(unknown.ToDictionary(), AppSettingsDocument.Summary(unknown));
        }

        var (saved, fault) = await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).SaveAsync(read.Value, condition.ExpectedVersion, access.Caller.Username);
        if (fault is not null)
            return Problems.Storage(fault);
        if (saved is null)
            return Problems.PreconditionFailed("The settings changed since you read them. Reload and save again.");

        snapshot.Update(saved);
        context.Response.Headers.ETag = Preconditions.ETagFor(saved.Version);
        return TypedResults.Ok(saved);
    }
}
