using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Features.ChangeControl;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>Read, save and delete one config; the route group's access filter has already checked the id.</summary>
internal static class FlowConfigEndpoints
{
    public static async Task<Results<Ok<FlowConfig>, StatusCodeHttpResult, NotFoundProblem>> GetAsync(
        ConfigId configId, HttpContext context, IGrainFactory grains)
    {
        var config = await grains.GetGrain<IFlowConfigGrain>(configId.Value).GetAsync();
        if (config is null) return Problems.ConfigNotFound(configId.Value);

        context.Response.Headers.ETag = Preconditions.ETagFor(config.Version);
        if (Preconditions.NoneMatchHits(context.Request, config.Version))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(config);
    }

    public static async Task<Results<Created<FlowConfig>, Ok<FlowConfig>, BodyProblem, ForbiddenProblem, ConflictProblem, UnavailableProblem>> SaveAsync(
        ConfigId configId, HttpContext context, IGrainFactory grains, CallerAccess access, SettingsSnapshot settings)
    {
        var (received, unreadable) = await JsonBody.ReadAsync(context.Request, FlowConfigsApi.MaxConfigBodyBytes);
        if (unreadable is not null) return unreadable;
        using var _ = received;
        var (body, emergency, badEmergency) = EmergencyRequest.Split(received!);
        using var __ = body == received ? null : body;
        if (badEmergency is not null) return Problems.BodyFields(badEmergency);

        var (proposed, invalid) = await ProposedConfig.CheckAsync(body.RootElement, configId.Value, settings, grains);
        if (invalid is not null) return invalid;

        var (condition, badHeader) = Preconditions.Read(context.Request, proposed!.Version);
        if (badHeader is not null) return (BodyProblem)badHeader;

        var level = await access.LevelAsync(configId.Value, context.RequestAborted);
        if (EmergencyRequest.RequireFull(configId.Value, emergency, level) is { } notFull) return notFull;
        var outcome = await grains.GetGrain<IFlowConfigGrain>(configId.Value)
            .SaveAsync(proposed, condition!, access.Caller.Username, level, EmergencyRequest.Options(emergency));

        switch (outcome.Status)
        {
            case SaveStatus.Created:
                context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Config!.Version);
                return TypedResults.Created($"/api/flow-config/{Uri.EscapeDataString(configId.Value)}", outcome.Config);
            case SaveStatus.Updated:
                context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Config!.Version);
                return TypedResults.Ok(outcome.Config);
            case SaveStatus.StructuralChangeForbidden:
                return Problems.ForbiddenField(outcome.Forbidden!.Field, outcome.Forbidden.Message);
            case SaveStatus.Unavailable:
                return Problems.Storage(outcome.Fault!);
            case SaveStatus.DraftRequired:
                return Problems.DraftRequired(configId.Value, outcome.ApprovalsRequired);
            default:
                return (ConflictProblem)Problems.VersionConflict(outcome.CurrentVersion);
        }
    }

    public static async Task<Results<NoContent, BodyProblem, NotFoundProblem, ConflictProblem, UnavailableProblem>> DeleteAsync(
        ConfigId configId, HttpContext context, IGrainFactory grains, Principal caller)
    {
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return (BodyProblem)badHeader;
        // Deleting needs Full already, so anyone here may take the emergency path.
        var (emergency, badBody) = await EmergencyRequest.ReadOptionalBodyAsync(context.Request);
        if (badBody is not null) return badBody;

        var outcome = await grains.GetGrain<IFlowConfigGrain>(configId.Value).DeleteAsync(condition!, caller.Username, EmergencyRequest.Options(emergency));
        return outcome.Status switch
        {
            DeleteStatus.Deleted => TypedResults.NoContent(),
            DeleteStatus.DraftRequired => Problems.DraftRequired(configId.Value, outcome.ApprovalsRequired),
            DeleteStatus.NotFound => Problems.ConfigNotFound(configId.Value),
            DeleteStatus.Unavailable => Problems.Storage(outcome.Fault!),
            _ => (ConflictProblem)Problems.VersionConflict(outcome.CurrentVersion),
        };
    }
}
