using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Drafts;

namespace FlowConfigs.Gateway.Features.ChangeControl;

/// <summary>
/// Change control: one shared draft per config with its review (submit, approve, reject, comment) and publish, now
/// or at a time; the reviews waiting for the caller; the audit log.
/// </summary>
internal static class ChangeControlApi
{
    public static IEndpointRouteBuilder MapChangeControlApi(this IEndpointRouteBuilder app)
    {
        var draft = app.MapGroup("/api/flow-config/{id}/draft").RequireAuthorization().WithConfigAccessCheck().WithTags("Drafts");
        draft.MapGet("/", DraftEndpoints.GetAsync).WithName("GetDraft").RequiresConfigAccess(AccessLevel.Read, "Reading the draft of");
        draft.MapPut("/", DraftEndpoints.SaveAsync).WithName("SaveDraft").Accepts<FlowConfig>("application/json")
            .RequiresConfigAccess(AccessLevel.Edit, "Drafting a change to");
        draft.MapDelete("/", DraftEndpoints.DeleteAsync).WithName("DeleteDraft").RequiresConfigAccess(AccessLevel.Edit, "Discarding the draft of");
        draft.MapGet("/resolve", DraftEndpoints.ResolveAsync).WithName("ResolveDraft").RequiresConfigAccess(AccessLevel.Read, "Previewing the draft of");
        draft.MapGet("/diff", DraftEndpoints.DiffAsync).WithName("DiffDraft").RequiresConfigAccess(AccessLevel.Read, "Comparing the draft of");
        MapReview(draft, "/submit", ReviewAction.Submit, AccessLevel.Edit, "Submitting the draft of");
        // Approving and rejecting ask Cedar themselves: Full on the id, and not an author of the draft.
        MapReview(draft, "/approve", ReviewAction.Approve, AccessLevel.Read, "Approving the draft of");
        MapReview(draft, "/reject", ReviewAction.Reject, AccessLevel.Read, "Rejecting the draft of");
        MapReview(draft, "/comment", ReviewAction.Comment, AccessLevel.Read, "Commenting on the draft of");
        draft.MapPost("/publish", DraftEndpoints.PublishAsync).WithName("PublishDraft").RequiresConfigAccess(AccessLevel.Edit, "Publishing the draft of");
        draft.MapDelete("/publish", DraftEndpoints.UnscheduleAsync).WithName("UnscheduleDraft").RequiresConfigAccess(AccessLevel.Edit, "Cancelling the publish of");

        app.MapGet("/api/reviews", ReviewsEndpoint.ListAsync).RequireAuthorization().WithTags("Drafts").WithName("ListReviews");
        app.MapGet("/api/audit", AuditEndpoint.ListAsync).RequireAuthorization().WithTags("Audit").WithName("ListAudit")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static void MapReview(RouteGroupBuilder draft, string path, ReviewAction action, AccessLevel level, string what) =>
        draft.MapPost(path, (ConfigId configId, HttpContext context, IGrainFactory grains, CallerAccess access) =>
                DraftEndpoints.ReviewAsync(configId, action, context, grains, access))
            .WithName(action + "Draft").RequiresConfigAccess(level, what);
}
