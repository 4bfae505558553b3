using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Features.Settings;
using FlowConfigs.Grains.Drafts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.ChangeControl;

public sealed record ReviewItem(string Id, string Description, long DraftVersion, long Base, DraftState State, string[] Authors, string[] Approvals,
    int ApprovalsRequired, DateTimeOffset? SubmittedAt, string? SubmittedBy, DateTimeOffset? PublishAt, bool OutOfDate);

public sealed record ReviewList(IReadOnlyList<ReviewItem> Items);

/// <summary>What waits for the caller: submitted drafts they may approve (Full on the id, author of none of it), oldest first; or their own drafts.</summary>
internal static class ReviewsEndpoint
{
    public static async Task<Ok<ReviewList>> ListAsync(IGrainFactory grains, CallerAccess access, SettingsSnapshot settings, CancellationToken cancellationToken,
        bool mine = false)
    {
        var drafts = await grains.GetGrain<IDraftDirectoryGrain>(0).ListAsync();
        var me = access.Caller.Username;
        var items = new List<ReviewItem>();
        foreach (var draft in drafts)
        {
            // An author who has since lost access to the config no longer sees it, like any other list.
            var listed = mine
                ? draft.Authors.Contains(me, StringComparer.Ordinal) && await access.LevelAsync(draft.Id, cancellationToken) >= AccessLevel.Read
                : draft.State == DraftState.Submitted && await access.CanApproveAsync(draft.Id, draft.Authors, cancellationToken);
            if (listed)
                items.Add(new ReviewItem(draft.Id, draft.Description, draft.Version, draft.Base, draft.State, draft.Authors, draft.Approvals,
                    ApprovalRule.Required(settings.Current.Approvals, draft.Id), draft.SubmittedAt, draft.SubmittedBy, draft.PublishAt, draft.OutOfDate));
        }
        return TypedResults.Ok(new ReviewList(mine ? items : [.. items.OrderBy(i => i.SubmittedAt)]));
    }
}
