using System.Globalization;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.ChangeControl;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.History;

public sealed record RevisionList(IReadOnlyList<RevisionSummary> Items);

/// <summary>
/// Every save, delete and rollback as an immutable revision: list, read one, and roll back to one, so a business
/// user can undo a bad change without an engineer. A deleted config's history stays readable by Full users.
/// </summary>
internal static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flow-config/{id}").RequireAuthorization().WithConfigAccessCheck().WithTags("History");
        group.MapGet("/history", ListAsync).WithName("ListFlowConfigRevisions")
            .RequiresConfigAccess(AccessLevel.Read, "Reading the history of");
        group.MapGet("/history/{version}", GetAsync).WithName("GetFlowConfigRevision")
            .RequiresConfigAccess(AccessLevel.Read, "Reading the history of");
        group.MapPost("/rollback/{version}", RollbackAsync).WithName("RollbackFlowConfig")
            .RequiresConfigAccess(AccessLevel.Full, "Rolling back");
        return app;
    }

    public static async Task<Results<Ok<RevisionList>, NotFoundProblem, UnavailableProblem>> ListAsync(
        ConfigId configId, IGrainFactory grains, CallerAccess access, CancellationToken cancellationToken)
    {
        if (await HiddenAsync(configId, grains, access, cancellationToken) is { } hidden) return hidden;
        var history = await grains.GetGrain<IFlowConfigGrain>(configId.Value).GetHistoryAsync();
        if (history.Fault is { } fault) return Problems.Storage(fault);
        return history.Revisions.Count == 0 ? Problems.ConfigNotFound(configId.Value) : TypedResults.Ok(new RevisionList(history.Revisions));
    }

    public static async Task<Results<Ok<Revision>, BadRequestProblem, NotFoundProblem, UnavailableProblem>> GetAsync(
        ConfigId configId, string version, IGrainFactory grains, CallerAccess access, CancellationToken cancellationToken)
    {
        if (await HiddenAsync(configId, grains, access, cancellationToken) is { } hidden) return hidden;
        if (ParseVersion(version) is not { } number) return BadVersion(version);
        var read = await grains.GetGrain<IFlowConfigGrain>(configId.Value).GetRevisionAsync(number);
        if (read.Fault is { } fault) return Problems.Storage(fault);
        return read.Revision is null ? RevisionNotFound(configId.Value, number) : TypedResults.Ok(read.Revision);
    }

    public static async Task<Results<Created<FlowConfig>, Ok<FlowConfig>, BodyProblem, NotFoundProblem, ConflictProblem, UnavailableProblem>> RollbackAsync(
        ConfigId configId, string version, HttpContext context, IGrainFactory grains, Principal caller)
    {
        if (ParseVersion(version) is not { } number) return (BodyProblem)BadVersion(version);
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return (BodyProblem)badHeader;
        // Rolling back needs Full already, so anyone here may take the emergency path.
        var (emergency, badBody) = await EmergencyRequest.ReadOptionalBodyAsync(context.Request);
        if (badBody is not null) return badBody;

        var outcome = await grains.GetGrain<IFlowConfigGrain>(configId.Value).RollbackAsync(number, condition!, caller.Username, EmergencyRequest.Options(emergency));

        if (outcome.Config is { } stored)
            context.Response.Headers.ETag = Preconditions.ETagFor(stored.Version);
        return outcome.Status switch
        {
            SaveStatus.Created => TypedResults.Created($"/api/flow-config/{Uri.EscapeDataString(configId.Value)}", outcome.Config),
            SaveStatus.Updated => TypedResults.Ok(outcome.Config),
            SaveStatus.NotFound => RevisionNotFound(configId.Value, number),
            SaveStatus.DraftRequired => Problems.DraftRequired(configId.Value, outcome.ApprovalsRequired),
            SaveStatus.Unavailable => Problems.Storage(outcome.Fault!),
            _ => (ConflictProblem)Problems.VersionConflict(outcome.CurrentVersion),
        };
    }

    /// <summary>Read access covers a live config's history; a deleted config's history needs Full (it is otherwise invisible).</summary>
    private static async Task<NotFoundProblem?> HiddenAsync(ConfigId configId, IGrainFactory grains, CallerAccess access, CancellationToken cancellationToken) =>
        await access.LevelAsync(configId.Value, cancellationToken) < AccessLevel.Full && await grains.GetGrain<IFlowConfigGrain>(configId.Value).GetAsync() is null
            ? Problems.ConfigNotFound(configId.Value)
            : null;

    internal static long? ParseVersion(string version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    internal static BadRequestProblem BadVersion(string version) =>
        Problems.Field("version", $"'{(version.Length > 40 ? version[..40] + "…" : version)}' is not a version; versions are whole numbers from 1.");

    private static NotFoundProblem RevisionNotFound(string id, long version) =>
        Problems.NotFound($"Flow config {id} has no revision {version} (it never existed or is past the retention limit).");
}
