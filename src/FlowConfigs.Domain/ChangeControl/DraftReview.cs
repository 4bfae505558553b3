using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.ChangeControl;

/// <summary>The review rules of a draft, as pure steps: each returns the next draft or why it cannot be taken.</summary>
public static class DraftReview
{
    public const int MaxCommentLength = 2000;

    public readonly record struct Step(ConfigDraft? Draft, DraftRefusal Refusal, string? Message = null)
    {
        public static Step Refused(DraftRefusal refusal, string message) => new(null, refusal, message);
    }

    /// <summary>A new draft of <paramref name="document"/>, started from live version <paramref name="liveVersion"/>.</summary>
    public static ConfigDraft Start(string id, FlowConfig document, long liveVersion, string by, DateTimeOffset at) => new()
    {
        Id = id,
        Document = document with { Id = id, Version = liveVersion },
        Base = liveVersion,
        State = DraftState.Draft,
        Authors = [by],
        CreatedAt = at,
        CreatedBy = by,
        UpdatedAt = at,
        UpdatedBy = by,
    };

    /// <summary>Editing sends a reviewed draft back to <see cref="DraftState.Draft"/>: approvals and any scheduled publish were for other content.</summary>
    public static ConfigDraft Edit(ConfigDraft draft, FlowConfig document, string by, DateTimeOffset at) => draft with
    {
        Document = document with { Id = draft.Id, Version = draft.Base },
        State = DraftState.Draft,
        Authors = draft.Authors.Contains(by, StringComparer.Ordinal) ? draft.Authors : [.. draft.Authors, by],
        Approvals = [],
        PublishAt = null,
        UpdatedAt = at,
        UpdatedBy = by,
    };

    public static Step Submit(ConfigDraft draft, string by, string? comment, DateTimeOffset at)
    {
        if (draft.State is not (DraftState.Draft or DraftState.Rejected))
            return Step.Refused(DraftRefusal.NotAllowedInState, $"The draft is {Describe(draft.State)}; only a draft being edited or a rejected one can be submitted.");
        return new Step(draft with
        {
            State = DraftState.Submitted,
            Approvals = [],
            SubmittedAt = at,
            SubmittedBy = by,
            Comments = WithComment(draft, by, at, comment, "submit"),
            UpdatedAt = at,
            UpdatedBy = by,
        }, DraftRefusal.None);
    }

    /// <summary>
    /// An approval from someone who wrote none of the draft; the draft is approved once it has
    /// <paramref name="required"/> of them (at least one: approving is always a second person's word).
    /// </summary>
    public static Step Approve(ConfigDraft draft, string by, string? comment, int required, DateTimeOffset at)
    {
        if (draft.State is not (DraftState.Submitted or DraftState.Approved))
            return Step.Refused(DraftRefusal.NotAllowedInState, $"The draft is {Describe(draft.State)}; submit it for review before approving it.");
        if (IsAuthor(draft, by))
            return Step.Refused(DraftRefusal.ApproverIsAuthor, $"{by} wrote part of this draft, so cannot approve it: approval must come from someone else.");
        if (draft.Approvals.Any(a => a.By == by))
            return Step.Refused(DraftRefusal.AlreadyApproved, $"{by} has already approved this draft; it needs another person's approval.");
        var approvals = (IReadOnlyList<DraftApproval>)[.. draft.Approvals, new DraftApproval(by, at)];
        return new Step(draft with
        {
            Approvals = approvals,
            State = approvals.Count >= Math.Max(1, required) ? DraftState.Approved : DraftState.Submitted,
            Comments = WithComment(draft, by, at, comment, "approve"),
            UpdatedAt = at,
            UpdatedBy = by,
        }, DraftRefusal.None);
    }

    public static Step Reject(ConfigDraft draft, string by, string? comment, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(comment))
            return Step.Refused(DraftRefusal.CommentRequired, "Say why the draft is rejected, so its authors know what to change.");
        if (draft.State is not (DraftState.Submitted or DraftState.Approved))
            return Step.Refused(DraftRefusal.NotAllowedInState, $"The draft is {Describe(draft.State)}; only a submitted draft can be rejected.");
        if (IsAuthor(draft, by))
            return Step.Refused(DraftRefusal.ApproverIsAuthor, $"{by} wrote part of this draft, so cannot review it: ask someone else.");
        return new Step(draft with
        {
            State = DraftState.Rejected,
            Approvals = [],
            PublishAt = null,
            Comments = WithComment(draft, by, at, comment, "reject"),
            UpdatedAt = at,
            UpdatedBy = by,
        }, DraftRefusal.None);
    }

    public static Step Comment(ConfigDraft draft, string by, string? comment, DateTimeOffset at) =>
        string.IsNullOrWhiteSpace(comment)
            ? Step.Refused(DraftRefusal.CommentRequired, "Write a comment.")
            : new Step(draft with { Comments = WithComment(draft, by, at, comment, "comment"), UpdatedAt = at, UpdatedBy = by }, DraftRefusal.None);

    /// <summary>Whether the draft may go live now: approved when approval is required, and still based on live.</summary>
    public static Step CheckPublishable(ConfigDraft draft, int required, long liveVersion)
    {
        if (required > 0 && draft.State != DraftState.Approved)
            return Step.Refused(DraftRefusal.NotApproved,
                $"This config needs {Approvals(required)} before it goes live; the draft has {draft.Approvals.Count} and is {Describe(draft.State)}.");
        if (draft.Base != liveVersion)
            return Step.Refused(DraftRefusal.OutOfDate, draft.Base == 0
                ? $"The draft was started for a new config, but version {liveVersion} was saved meanwhile. Review the changes and start the draft again."
                : liveVersion == 0 || draft.OutOfDate?.LiveVersion == 0
                    ? $"The draft was started from version {draft.Base}, but the config was deleted meanwhile."
                    : $"The draft was started from version {draft.Base}, but version {liveVersion} is live now. Review what changed and edit the draft again.");
        return new Step(draft, DraftRefusal.None);
    }

    public static ConfigDraft MarkOutOfDate(ConfigDraft draft, string reason, long liveVersion, DateTimeOffset at) => draft with
    {
        OutOfDate = new DraftOutOfDate(at, reason, liveVersion),
        PublishAt = null,
        Comments = [.. draft.Comments, new DraftComment("flowconfigs", at, reason, "outOfDate")],
    };

    public static bool IsAuthor(ConfigDraft draft, string user) => draft.Authors.Contains(user, StringComparer.Ordinal);

    public static string Approvals(int count) => count == 1 ? "1 approval" : $"{count} approvals";

    private static IReadOnlyList<DraftComment> WithComment(ConfigDraft draft, string by, DateTimeOffset at, string? text, string action) =>
        [.. draft.Comments, new DraftComment(by, at, Truncate(text?.Trim() ?? ""), action)];

    private static string Truncate(string text) => text.Length <= MaxCommentLength ? text : text[..MaxCommentLength];

    private static string Describe(DraftState state) => state switch
    {
        DraftState.Draft => "being edited",
        DraftState.Submitted => "waiting for review",
        DraftState.Approved => "approved",
        _ => "rejected",
    };
}
