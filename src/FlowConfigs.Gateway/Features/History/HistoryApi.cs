using System.Globalization;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Grains;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Storage;

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
        var group = app.MapGroup("/api/flow-config/{id}").RequireAuthorization().WithTags("History");
        group.MapGet("/history", ListAsync).WithName("ListFlowConfigRevisions");
        group.MapGet("/history/{version}", GetAsync).WithName("GetFlowConfigRevision");
        group.MapPost("/rollback/{version}", RollbackAsync).WithName("RollbackFlowConfig");
        return app;
    }

    public static async Task<Results<Ok<RevisionList>, ProblemHttpResult>> ListAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access,
        [FromKeyedServices(StorageNames.FlowConfigs)] IRevisionStore history)
    {
        var (id, problem) = await HistoryReaderAsync(context, grains, access);
        if (problem is not null) return problem;
        var revisions = await history.ListAsync(FlowConfigGrain.GrainTypeName, id!, context.RequestAborted);
        return revisions.Count == 0 ? Problems.ConfigNotFound(id!) : TypedResults.Ok(new RevisionList(revisions));
    }

    public static async Task<Results<Ok<Revision>, ProblemHttpResult>> GetAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access, string version,
        [FromKeyedServices(StorageNames.FlowConfigs)] IRevisionStore history)
    {
        var (id, problem) = await HistoryReaderAsync(context, grains, access);
        if (problem is not null) return problem;
        if (ParseVersion(version) is not { } number) return BadVersion(version);
        var revision = await history.GetAsync(FlowConfigGrain.GrainTypeName, id!, number, context.RequestAborted);
        return revision is null ? RevisionNotFound(id!, number) : TypedResults.Ok(revision);
    }

    public static async Task<Results<Created<FlowConfig>, Ok<FlowConfig>, ProblemHttpResult>> RollbackAsync(
        HttpContext context, IGrainFactory grains, IAccessDecider access, string version)
    {
        var (id, invalid) = ConfigAccess.RouteId(context);
        if (invalid is not null) return invalid;
        var (_, denied) = await ConfigAccess.RequireAsync(context, access, id!, AccessLevel.Full, "Rolling back");
        if (denied is not null) return denied;
        if (ParseVersion(version) is not { } number) return BadVersion(version);
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return badHeader;

        SaveOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IFlowConfigGrain>(id!).RollbackAsync(number, condition!, Caller.Of(context).Username);
        }
        catch (InconsistentStateException)
        {
            return Problems.VersionConflict(0);
        }

        if (outcome.Config is { } stored)
            context.Response.Headers.ETag = Preconditions.ETagFor(stored.Version);
        return outcome.Status switch
        {
            SaveStatus.Created => TypedResults.Created($"/api/flow-config/{Uri.EscapeDataString(id!)}", outcome.Config),
            SaveStatus.Updated => TypedResults.Ok(outcome.Config),
            SaveStatus.NotFound => RevisionNotFound(id!, number),
            _ => Problems.VersionConflict(outcome.CurrentVersion),
        };
    }

    /// <summary>Read access to a live config's history; a deleted config's history needs Full (it is otherwise invisible).</summary>
    private static async Task<(string? Id, ProblemHttpResult? Problem)> HistoryReaderAsync(HttpContext context, IGrainFactory grains, IAccessDecider access)
    {
        var (id, invalid) = ConfigAccess.RouteId(context);
        if (invalid is not null) return (null, invalid);
        var (level, denied) = await ConfigAccess.RequireAsync(context, access, id!, AccessLevel.Read, "Reading the history of");
        if (denied is not null) return (null, denied);
        if (level < AccessLevel.Full && await grains.GetGrain<IFlowConfigGrain>(id!).GetAsync() is null)
            return (null, Problems.ConfigNotFound(id!));
        return (id, null);
    }

    private static long? ParseVersion(string version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    private static ProblemHttpResult BadVersion(string version) =>
        Problems.Field("version", $"'{(version.Length > 40 ? version[..40] + "…" : version)}' is not a version; versions are whole numbers from 1.");

    private static ProblemHttpResult RevisionNotFound(string id, long version) =>
        Problems.Status(StatusCodes.Status404NotFound, "Not found", $"Flow config {id} has no revision {version} (it never existed or is past the retention limit).");
}
