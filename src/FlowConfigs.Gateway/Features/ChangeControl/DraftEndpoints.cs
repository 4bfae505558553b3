using System.Text.Json.Nodes;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Calendars;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Drafts;
using Microsoft.AspNetCore.Http.HttpResults;
using PublishRefused = Microsoft.AspNetCore.Http.HttpResults.Results<FlowConfigs.Gateway.Http.ConflictProblem, FlowConfigs.Gateway.Http.UnavailableProblem>;

namespace FlowConfigs.Gateway.Features.ChangeControl;

/// <summary>A config's one shared draft: read, write, preview, compare with live, review and publish.</summary>
internal static class DraftEndpoints
{
    /// <remarks>
    /// No draft is 204, not 404: the editor asks on every open and most configs have none, which is an answer, not
    /// an error (a browser would log every 404 as a failed load).
    /// </remarks>
    public static async Task<Results<Ok<JsonObject>, NoContent, UnavailableProblem>> GetAsync(ConfigId configId, HttpContext context, IGrainFactory grains)
    {
        var outcome = await Grain(grains, configId).GetDraftAsync();
        if (outcome.Fault is { } fault) return Problems.Storage(fault);
        if (outcome.Draft is not { } draft) return TypedResults.NoContent();
        context.Response.Headers.ETag = Preconditions.ETagFor(draft.Version);
        return TypedResults.Ok(DraftJson.Of(draft, outcome.ApprovalsRequired));
    }

    public static async Task<Results<Created<JsonObject>, Ok<JsonObject>, BodyProblem, ForbiddenProblem, PreconditionFailedProblem, UnavailableProblem>> SaveAsync(
        ConfigId configId, HttpContext context, IGrainFactory grains, CallerAccess access, SettingsSnapshot settings)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, FlowConfigsApi.MaxConfigBodyBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;
        var (proposed, invalid) = await ProposedConfig.CheckAsync(body!.RootElement, configId.Value, settings, grains);
        if (invalid is not null) return invalid;
        // The body's version is the live version the document was read at, not the draft's: only headers guard the draft.
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return (BodyProblem)badHeader;

        var level = await access.LevelAsync(configId.Value, context.RequestAborted);
        var outcome = await Grain(grains, configId).SaveDraftAsync(proposed!, condition!, access.Caller.Username, level);
        return outcome.Status switch
        {
            DraftStatus.Created => Created(context, configId, outcome),
            DraftStatus.Done => Answer(context, outcome),
            DraftStatus.StructuralChangeForbidden => Problems.ForbiddenField(outcome.Forbidden!.Field, outcome.Forbidden.Message),
            DraftStatus.Unavailable => Problems.Storage(outcome.Fault!),
            _ => DraftChanged(outcome.CurrentVersion),
        };
    }

    public static async Task<Results<NoContent, BadRequestProblem, NotFoundProblem, PreconditionFailedProblem, UnavailableProblem>> DeleteAsync(
        ConfigId configId, HttpContext context, IGrainFactory grains, Principal caller)
    {
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return badHeader;
        var outcome = await Grain(grains, configId).DeleteDraftAsync(condition!, caller.Username);
        return outcome.Status switch
        {
            DraftStatus.Done => TypedResults.NoContent(),
            DraftStatus.NotFound => NoDraft(configId.Value),
            DraftStatus.Unavailable => Problems.Storage(outcome.Fault!),
            _ => DraftChanged(outcome.CurrentVersion),
        };
    }

    public static async Task<Results<FileContentHttpResult, BadRequestProblem, NotFoundProblem, UnavailableProblem>> ResolveAsync(
        ConfigId configId, IGrainFactory grains, SettingsSnapshot settings, TimeProvider clock, string? lang = null, string? channel = null, string? at = null)
    {
        var outcome = await Grain(grains, configId).GetDraftAsync();
        if (outcome.Fault is { } fault) return Problems.Storage(fault);
        if (outcome.Draft is not { } draft) return NoDraft(configId.Value);
        var calendars = await ScheduleContext.CalendarsOfAsync(grains, draft.Document);
        var (bytes, field, message) = FlowConfigResolveEndpoints.ResolveUnsaved(draft.Document, calendars, lang, channel, at, settings.Defaults, clock);
        return bytes is null ? Problems.Field(field!, message!) : TypedResults.Bytes(bytes, "application/json");
    }

    public sealed record DraftDiff(long Base, long LiveVersion, IReadOnlyList<ConfigChange> Changes);

    public static async Task<Results<Ok<DraftDiff>, NotFoundProblem, UnavailableProblem>> DiffAsync(ConfigId configId, IGrainFactory grains)
    {
        var outcome = await Grain(grains, configId).GetDraftAsync();
        if (outcome.Fault is { } fault) return Problems.Storage(fault);
        if (outcome.Draft is not { } draft) return NoDraft(configId.Value);
        return TypedResults.Ok(new DraftDiff(draft.Base, outcome.LiveVersion, ConfigDiff.Between(outcome.Live, draft.Document)));
    }

    public static async Task<Results<Ok<JsonObject>, BodyProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem, UnavailableProblem>> ReviewAsync(
        ConfigId configId, ReviewAction action, HttpContext context, IGrainFactory grains, CallerAccess access)
    {
        var (fields, problem) = await ReviewBody.ReadAsync(context.Request, "comment");
        if (problem is not null) return problem;
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return (BodyProblem)badHeader;
        var grain = Grain(grains, configId);

        if (action is ReviewAction.Approve or ReviewAction.Reject)
        {
            var current = await grain.GetDraftAsync();
            if (current.Fault is { } fault) return Problems.Storage(fault);
            if (current.Draft is not { } draft) return NoDraft(configId.Value);
            if (await ReviewerProblemAsync(configId.Value, draft, access, context.RequestAborted) is { } denied) return denied;
        }
        else if (action == ReviewAction.Submit && await access.RequireAsync(configId.Value, AccessLevel.Edit, "Submitting the draft of", context.RequestAborted) is { } denied)
        {
            return denied;
        }

        var outcome = await grain.ReviewDraftAsync(action, fields.GetValueOrDefault("comment"), condition!, access.Caller.Username);
        return outcome.Status switch
        {
            DraftStatus.Done => Answer(context, outcome),
            DraftStatus.NotFound => NoDraft(configId.Value),
            DraftStatus.Unavailable => Problems.Storage(outcome.Fault!),
            DraftStatus.Refused when outcome.Refusal == DraftRefusal.CommentRequired => Problems.Body("comment", outcome.Message!),
            DraftStatus.Refused when outcome.Refusal == DraftRefusal.ApproverIsAuthor => ApproverIsAuthor(outcome.Message!),
            DraftStatus.Refused => Problems.Conflict(outcome.Refusal == DraftRefusal.AlreadyApproved ? "already-approved" : "draft-state",
                "The draft is not in a state for that", outcome.Message!, new Dictionary<string, object?> { ["state"] = outcome.Draft?.State.ToString().ToLowerInvariant() }),
            _ => (ConflictProblem)DraftChanged(outcome.CurrentVersion),
        };
    }

    public sealed record Published(FlowConfig Config, JsonObject? Draft);

    /// <remarks>A signature holds six results at most: the two answers that say the config's state refused it come as one.</remarks>
    public static async Task<Results<Ok<Published>, Accepted<JsonObject>, BodyProblem, ForbiddenProblem, NotFoundProblem, PublishRefused>> PublishAsync(
        ConfigId configId, HttpContext context, IGrainFactory grains, CallerAccess access, SettingsSnapshot settings)
    {
        var (fields, problem) = await ReviewBody.ReadAsync(context.Request, "at");
        if (problem is not null) return problem;
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return (BodyProblem)badHeader;
        var grain = Grain(grains, configId);

        var current = await grain.GetDraftAsync();
        if (current.Fault is { } fault) return (PublishRefused)Problems.Storage(fault);
        if (current.Draft is not { } held) return NoDraft(configId.Value);
        // Publishing a draft of a config that does not exist creates it, which needs Full like any create.
        if (held.Base == 0 && await access.RequireAsync(configId.Value, AccessLevel.Full, "Publishing a new config as", context.RequestAborted) is { } denied)
            return denied;
        DateTimeOffset? at = null;
        if (fields.GetValueOrDefault("at") is { } text)
        {
            at = ScheduleEvaluator.ParseMoment(text, ScheduleContext.ZoneOf(held.Document, settings.Defaults));
            if (at is null) return Problems.Body("at", $"'{text}' is not {ScheduleContext.MomentForms}.");
        }

        var outcome = await grain.PublishDraftAsync(at, condition!, access.Caller.Username);
        switch (outcome.Status)
        {
            case DraftStatus.Published:
                context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Published!.Version);
                return TypedResults.Ok(new Published(outcome.Published, null));
            case DraftStatus.Scheduled:
                context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Draft!.Version);
                return TypedResults.Accepted($"/api/flow-config/{Uri.EscapeDataString(configId.Value)}/draft", DraftJson.Of(outcome.Draft, outcome.ApprovalsRequired));
            case DraftStatus.NotFound:
                return NoDraft(configId.Value);
            case DraftStatus.Unavailable:
                return (PublishRefused)Problems.Storage(outcome.Fault!);
            case DraftStatus.Refused when outcome.Refusal == DraftRefusal.NotApproved:
                return (PublishRefused)Problems.Conflict("approval-required", "Not approved yet", outcome.Message!, new Dictionary<string, object?>
                {
                    ["approvalsRequired"] = outcome.ApprovalsRequired,
                    ["approvals"] = outcome.Draft?.Approvals.Select(a => a.By).ToArray() ?? [],
                });
            case DraftStatus.Refused:
                return (PublishRefused)Problems.Conflict("draft-out-of-date", "The draft is out of date", outcome.Message!, new Dictionary<string, object?>
                {
                    ["liveVersion"] = outcome.LiveVersion,
                    ["changes"] = await ChangesSinceBaseAsync(grain, outcome),
                });
            default:
                return (PublishRefused)(ConflictProblem)DraftChanged(outcome.CurrentVersion);
        }
    }

    public static async Task<Results<Ok<JsonObject>, NotFoundProblem, UnavailableProblem>> UnscheduleAsync(
        ConfigId configId, HttpContext context, IGrainFactory grains, Principal caller)
    {
        var outcome = await Grain(grains, configId).UnschedulePublishAsync(caller.Username);
        return outcome.Status switch
        {
            DraftStatus.Done => Answer(context, outcome),
            DraftStatus.NotFound => NoDraft(configId.Value),
            _ => Problems.Storage(outcome.Fault!),
        };
    }

    /// <summary>Approving or rejecting needs Full on the id, and the reviewer must have written none of the draft.</summary>
    private static async Task<ForbiddenProblem?> ReviewerProblemAsync(string id, ConfigDraft draft, CallerAccess access, CancellationToken cancellationToken)
    {
        if (await access.CanApproveAsync(id, draft.Authors, cancellationToken)) return null;
        if (DraftReview.IsAuthor(draft, access.Caller.Username))
            return ApproverIsAuthor($"{access.Caller.Username} wrote part of this draft, so cannot review it: approval must come from someone else.");
        return Problems.Forbidden($"Reviewing the draft of {id} needs Full access on it.");
    }

    /// <summary>What changed on live since the draft's base, so the author sees what to merge.</summary>
    private static async Task<IReadOnlyList<ConfigChange>> ChangesSinceBaseAsync(IFlowConfigGrain grain, DraftOutcome outcome)
    {
        if (outcome.Draft is not { } draft) return [];
        var based = draft.Base > 0 ? (await grain.GetRevisionAsync(draft.Base)).Revision?.Document : null;
        return ConfigDiff.Between(based, outcome.Live);
    }

    private static IFlowConfigGrain Grain(IGrainFactory grains, ConfigId configId) => grains.GetGrain<IFlowConfigGrain>(configId.Value);

    private static Ok<JsonObject> Answer(HttpContext context, DraftOutcome outcome)
    {
        context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Draft!.Version);
        return TypedResults.Ok(DraftJson.Of(outcome.Draft, outcome.ApprovalsRequired));
    }

    private static Created<JsonObject> Created(HttpContext context, ConfigId configId, DraftOutcome outcome)
    {
        context.Response.Headers.ETag = Preconditions.ETagFor(outcome.Draft!.Version);
        return TypedResults.Created($"/api/flow-config/{Uri.EscapeDataString(configId.Value)}/draft", DraftJson.Of(outcome.Draft, outcome.ApprovalsRequired));
    }

    private static ForbiddenProblem ApproverIsAuthor(string message) => Problems.ForbiddenType("approver-is-author", message);

    private static NotFoundProblem NoDraft(string id) => Problems.NotFound($"Flow config {id} has no draft.");

    private static PreconditionFailedProblem DraftChanged(long current) => Problems.PreconditionFailed(current == 0
        ? "The precondition failed: there is no draft."
        : $"The draft changed meanwhile: it is at version {current} now. Reload it and apply your change again.");
}
