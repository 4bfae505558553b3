using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Grains.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Storage;

namespace FlowConfigs.Gateway.Features.Settings;

/// <summary>Locales, voices and the fallback locale: any user reads them, Full on <c>*</c> changes them.</summary>
internal static class SettingsApi
{
    private const int MaxSettingsBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").RequireAuthorization().WithTags("Settings");
        group.MapGet("/", GetAsync).WithName("GetSettings");
        group.MapMethods("/", [HttpMethods.Post, HttpMethods.Put], SaveAsync).WithName("SaveSettings")
            .Accepts<AppSettings>("application/json");
        return app;
    }

    public static async Task<Results<Ok<AppSettings>, ProblemHttpResult>> GetAsync(HttpContext context, IGrainFactory grains)
    {
        if (!AccessPolicy.HasAnyAccess(Caller.Of(context)))
            return Problems.Forbidden("Reading settings needs access to at least one flow config.");
        var settings = await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync();
        context.Response.Headers.ETag = Preconditions.ETagFor(settings.Version);
        return TypedResults.Ok(settings);
    }

    public static async Task<Results<Ok<AppSettings>, ProblemHttpResult>> SaveAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access, SettingsSnapshot snapshot)
    {
        var principal = Caller.Of(context);
        if (!await access.CanManageSettingsAsync(principal, context.RequestAborted))
            return Problems.Forbidden("Changing settings needs Full access on every flow config (*).");

        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, MaxSettingsBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var read = AppSettingsDocument.Read(body!.RootElement);
        if (!read.IsValid) return Problems.Fields(read.Errors);
        var (condition, badHeader) = Preconditions.Read(context.Request, read.Value!.Version);
        if (badHeader is not null) return badHeader;
        if (condition!.MustNotExist || condition.MustExist)
            return Problems.Field("If-Match", "Settings always exist: use If-Match with a version.");

        AppSettings? saved;
        try
        {
            saved = await grains.GetGrain<ISettingsGrain>(ISettingsGrain.Key).SaveAsync(read.Value, condition.ExpectedVersion, principal.Username);
        }
        catch (InconsistentStateException)
        {
            saved = null;
        }
        if (saved is null)
            return Problems.Status(StatusCodes.Status412PreconditionFailed, "Changed by someone else", "The settings changed since you read them. Reload and save again.");

        snapshot.Update(saved);
        context.Response.Headers.ETag = Preconditions.ETagFor(saved.Version);
        return TypedResults.Ok(saved);
    }
}
