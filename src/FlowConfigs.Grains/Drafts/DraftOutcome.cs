using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Drafts;

public enum DraftStatus { Done, Created, Published, Scheduled, NotFound, PreconditionFailed, StructuralChangeForbidden, Refused, Unavailable }

/// <summary>
/// What a draft request did: the draft as it now stands (or the live config a publish made), or why not: a refusal
/// of the review rules with its sentence, a failed precondition with the draft's version, a fault of storage.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DraftOutcome(
    [property: Id(0)] DraftStatus Status,
    [property: Id(1)] ConfigDraft? Draft = null,
    [property: Id(2)] int ApprovalsRequired = 0,
    [property: Id(3)] DraftRefusal Refusal = DraftRefusal.None,
    [property: Id(4)] string? Message = null,
    [property: Id(5)] long CurrentVersion = 0,
    [property: Id(6)] StructuralChange? Forbidden = null,
    [property: Id(7)] StorageFault? Fault = null,
    [property: Id(8)] FlowConfig? Published = null,
    [property: Id(9)] long LiveVersion = 0,
    [property: Id(10)] FlowConfig? Live = null);

public enum ReviewAction { Submit, Approve, Reject, Comment }

/// <summary>What the directory of drafts keeps of one: enough to list reviews and to wake a scheduled publish.</summary>
[GenerateSerializer, Immutable]
public sealed record DraftSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] long Base,
    [property: Id(3)] DraftState State,
    [property: Id(4)] string[] Authors,
    [property: Id(5)] string[] Approvals,
    [property: Id(6)] DateTimeOffset? SubmittedAt,
    [property: Id(7)] string? SubmittedBy,
    [property: Id(8)] DateTimeOffset? PublishAt,
    [property: Id(9)] bool OutOfDate,
    [property: Id(10)] string Description)
{
    public static DraftSummary Of(ConfigDraft draft) => new(draft.Id, draft.Version, draft.Base, draft.State, [.. draft.Authors],
        [.. draft.Approvals.Select(a => a.By)], draft.SubmittedAt, draft.SubmittedBy, draft.PublishAt, draft.OutOfDate is not null, draft.Description);
}
