using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.ChangeControl;

public enum DraftState { Draft, Submitted, Approved, Rejected }

/// <summary>
/// The one shared draft of a config: a proposed document, the live version it started from, and its review. It
/// never changes what GetConfig answers until it is published.
/// </summary>
public sealed record ConfigDraft
{
    public required string Id { get; init; }
    /// <summary>The draft's own version, counted by storage (the ETag of the draft).</summary>
    public long Version { get; init; }
    public required FlowConfig Document { get; init; }
    /// <summary>The live version the draft started from; 0 when the config did not exist.</summary>
    public long Base { get; init; }
    public DraftState State { get; init; }
    /// <summary>Everyone who wrote the document, in the order of their first edit; none of them may approve it.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<DraftApproval> Approvals { get; init; } = [];
    public IReadOnlyList<DraftComment> Comments { get; init; } = [];
    public DateTimeOffset? PublishAt { get; init; }
    /// <summary>Set when live moved away from <see cref="Base"/> (or a scheduled publish could not go live).</summary>
    public DraftOutOfDate? OutOfDate { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public string? SubmittedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    /// <summary>The proposed description, stored beside the document so lists of drafts can show it without reading it whole.</summary>
    public string Description => Document.Description;
}

public sealed record DraftApproval(string By, DateTimeOffset At);

/// <summary>A line of the review conversation; <see cref="Action"/> says what the comment came with.</summary>
public sealed record DraftComment(string By, DateTimeOffset At, string Text, string Action = "comment");

public sealed record DraftOutOfDate(DateTimeOffset At, string Reason, long LiveVersion);

/// <summary>Why a change control request was refused, in words for the person who asked.</summary>
public enum DraftRefusal { None, NotAllowedInState, ApproverIsAuthor, AlreadyApproved, NotApproved, OutOfDate, CommentRequired }

/// <summary>A field-level difference between two configs: <see cref="Kind"/> is added, removed or changed.</summary>
public sealed record ConfigChange(string Path, string Kind, System.Text.Json.Nodes.JsonNode? Before, System.Text.Json.Nodes.JsonNode? After);
