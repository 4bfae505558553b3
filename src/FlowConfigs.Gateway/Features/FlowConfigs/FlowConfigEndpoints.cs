using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Storage;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

internal static class FlowConfigEndpoints
{
    public static async Task<Results<Ok<FlowConfig>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access)
    {
        var (id, invalid) = ConfigAccess.RouteId(context);
        if (invalid is not null) return invalid;
        var (_, denied) = await ConfigAccess.RequireAsync(context, access, id!, AccessLevel.Read, "Reading");
        if (denied is not null) return denied;

        var config = await grains.GetGrain<IFlowConfigGrain>(id!).GetAsync();
        if (config is null) return Problems.ConfigNotFound(id!);

        context.Response.Headers.ETag = Preconditions.ETagFor(config.Version);
        if (Preconditions.NoneMatchHits(context.Request, config.Version))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(config);
    }

    public static async Task<Results<Created<FlowConfig>, Ok<FlowConfig>, ProblemHttpResult>> SaveAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access, SettingsSnapshot settings)
    {
        var (id, invalid) = ConfigAccess.RouteId(context);
        if (invalid is not null) return invalid;
        var (level, denied) = await ConfigAccess.RequireAsync(context, access, id!, AccessLevel.Edit, "Saving");
        if (denied is not null) return denied;

        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, FlowConfigsApi.MaxConfigBodyBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var read = FlowConfigDocument.Read(body!.RootElement, id);
        if (!read.IsValid) return Problems.Fields(read.Errors);
        var proposed = read.Value!;
        if (FlowConfigRules.CheckSize(proposed, settings.Current.FallbackLocale) is { } tooLarge)
            return Problems.Field(tooLarge.Field, tooLarge.Message, StatusCodes.Status413PayloadTooLarge);

        var (condition, badHeader) = Preconditions.Read(context.Request, proposed.Version);
        if (badHeader is not null) return badHeader;

        SaveOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IFlowConfigGrain>(id!).SaveAsync(proposed, condition!, Caller.Of(context).Username, level);
        }
        catch (InconsistentStateException)
        {
            return Problems.VersionConflict(0);
        }

        switch (outcome.Status)
        {
            case SaveStatus.Created:
                context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Config!.Version);
                return TypedResults.Created($"/api/flow-config/{Uri.EscapeDataString(id!)}", outcome.Config);
            case SaveStatus.Updated:
                context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Config!.Version);
                return TypedResults.Ok(outcome.Config);
            case SaveStatus.StructuralChangeForbidden:
                return Problems.Field(outcome.Forbidden!.Field, outcome.Forbidden.Message, StatusCodes.Status403Forbidden);
            default:
                return Problems.VersionConflict(outcome.CurrentVersion);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access)
    {
        var (id, invalid) = ConfigAccess.RouteId(context);
        if (invalid is not null) return invalid;
        var (_, denied) = await ConfigAccess.RequireAsync(context, access, id!, AccessLevel.Full, "Deleting");
        if (denied is not null) return denied;

        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return badHeader;

        DeleteOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IFlowConfigGrain>(id!).DeleteAsync(condition!, Caller.Of(context).Username);
        }
        catch (InconsistentStateException)
        {
            return Problems.VersionConflict(0);
        }
        return outcome.Status switch
        {
            DeleteStatus.Deleted => TypedResults.NoContent(),
            DeleteStatus.NotFound => Problems.ConfigNotFound(id!),
            _ => Problems.VersionConflict(outcome.CurrentVersion),
        };
    }
}
