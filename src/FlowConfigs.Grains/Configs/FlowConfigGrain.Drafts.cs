using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Drafts;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// The config's one shared draft: kept beside the live document by the same grain, so publishing compares the draft's
/// base with the live version in one turn, and a live change marks the draft out of date before anyone hears of it.
/// A scheduled publish is a grain timer aimed at its time; the draft directory wakes the grain if no activation holds it.
/// </summary>
public sealed partial class FlowConfigGrain
{
    /// <summary>The document kind drafts are stored as, keyed by their config's id.</summary>
    public const string DraftKind = "draft";

    private PersistedDocument<ConfigDraft> _draft = null!;
    private bool _draftUnread;
    private IGrainTimer? _publishTimer;

    private async Task LoadDraftAsync(CancellationToken cancellationToken)
    {
        _draft = storage.Open<ConfigDraft>(new DocumentKey(DraftKind, Id));
        try
        {
            await _draft.LoadAsync(cancellationToken);
            _draftUnread = false;
            ArmPublishTimer();
        }
        catch (StorageUnavailableException exception)
        {
            // The live config serves without its draft; the draft is read again by the first request that needs it.
            _draftUnread = true;
            logger.LogWarning("Flow config {Id}: its draft could not be read ({Reason}); trying again when needed", Id, exception.Message);
        }
    }

    /// <summary>Both documents as storage holds them, or why that cannot be known now.</summary>
    private async Task<StorageFault?> DraftStateFaultAsync()
    {
        if (_draftUnread)
        {
            try
            {
                await _draft.LoadAsync();
                _draftUnread = false;
                ArmPublishTimer();
            }
            catch (StorageUnavailableException)
            {
                return new StorageFault($"Storage is not answering, so the draft of {Id} cannot be read. Try again in a moment.", StorageFault.Shortly);
            }
        }
        return await _draft.EnsureCurrentAsync() ?? await _document.EnsureCurrentAsync() ?? UnreadableFault()
            ?? (_draft.UnreadableReason is { } reason
                ? new StorageFault($"The draft of {Id} is stored in a form that cannot be read ({reason}). Delete the draft to start again.", TimeSpan.FromMinutes(5))
                : null);
    }

    public async Task<DraftOutcome> GetDraftAsync()
    {
        if (await DraftStateFaultAsync() is { } fault)
            return new DraftOutcome(DraftStatus.Unavailable, Fault: fault);
        return _draft.Value is { } draft
            ? new DraftOutcome(DraftStatus.Done, draft, await ApprovalsRequiredAsync(), LiveVersion: CurrentVersion, Live: _document.Value)
            : new DraftOutcome(DraftStatus.NotFound, LiveVersion: CurrentVersion);
    }

    public async Task<DraftOutcome> SaveDraftAsync(FlowConfig proposed, SaveCondition condition, string username, AccessLevel level)
    {
        if (await RefuseDraftWriteAsync(condition) is { } refused)
            return refused;
        var live = _document.Value;
        var draft = _draft.Value;
        if (level < AccessLevel.Full)
        {
            // The guard compares with what the draft will replace when published: live, or nothing for a new config.
            var change = live is null
                ? new StructuralChange("id", "Creating a config needs Full access.")
                : EditGuard.FindStructuralChange(live, proposed);
            if (change is not null)
                return new DraftOutcome(DraftStatus.StructuralChangeForbidden, Forbidden: change, CurrentVersion: draft?.Version ?? 0);
        }
        var at = clock.GetUtcNow();
        var next = draft is null
            ? DraftReview.Start(Id, proposed, CurrentVersion, username, at)
            : DraftReview.Edit(draft, proposed, username, at);
        return await WriteDraftAsync(next, new ChangeNote(username, at, draft is null ? "draft-create" : "draft-edit") { Live = false },
            draft is null ? DraftStatus.Created : DraftStatus.Done);
    }

    public async Task<DraftOutcome> DeleteDraftAsync(SaveCondition condition, string username)
    {
        if (await RefuseDraftWriteAsync(condition) is { } refused)
            return refused;
        if (_draft.Value is null)
            return new DraftOutcome(DraftStatus.NotFound);
        return await WriteDraftAsync(null, new ChangeNote(username, clock.GetUtcNow(), "draft-delete") { Live = false }, DraftStatus.Done);
    }

    public async Task<DraftOutcome> ReviewDraftAsync(ReviewAction action, string? comment, SaveCondition condition, string username)
    {
        if (await RefuseDraftWriteAsync(condition) is { } refused)
            return refused;
        if (_draft.Value is not { } draft)
            return new DraftOutcome(DraftStatus.NotFound);
        var at = clock.GetUtcNow();
        var required = await ApprovalsRequiredAsync();
        var step = action switch
        {
            ReviewAction.Submit => DraftReview.Submit(draft, username, comment, at),
            ReviewAction.Approve => DraftReview.Approve(draft, username, comment, required, at),
            ReviewAction.Reject => DraftReview.Reject(draft, username, comment, at),
            _ => DraftReview.Comment(draft, username, comment, at),
        };
        if (step.Draft is not { } next)
            return new DraftOutcome(DraftStatus.Refused, draft, required, step.Refusal, step.Message, draft.Version);
        var audited = "draft-" + action.ToString().ToLowerInvariant();
        return await WriteDraftAsync(next, new ChangeNote(username, at, audited) { Live = false, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment },
            DraftStatus.Done);
    }

    public async Task<DraftOutcome> PublishDraftAsync(DateTimeOffset? at, SaveCondition condition, string username)
    {
        if (await RefuseDraftWriteAsync(condition) is { } refused)
            return refused;
        if (_draft.Value is not { } draft)
            return new DraftOutcome(DraftStatus.NotFound);
        var required = await ApprovalsRequiredAsync();
        var check = DraftReview.CheckPublishable(draft, required, CurrentVersion);
        if (check.Draft is null)
            return new DraftOutcome(DraftStatus.Refused, draft, required, check.Refusal, check.Message, draft.Version, LiveVersion: CurrentVersion, Live: _document.Value);

        var now = clock.GetUtcNow();
        if (at is { } when && when > now)
        {
            return await WriteDraftAsync(draft with { PublishAt = when, UpdatedAt = now, UpdatedBy = username },
                new ChangeNote(username, now, "draft-schedule") { Live = false, Detail = $"To go live at {when.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC." },
                DraftStatus.Scheduled);
        }
        return await GoLiveAsync(draft, username);
    }

    public async Task<DraftOutcome> UnschedulePublishAsync(string username)
    {
        if (await RefuseDraftWriteAsync(SaveCondition.None) is { } refused)
            return refused;
        if (_draft.Value is not { } draft)
            return new DraftOutcome(DraftStatus.NotFound);
        if (draft.PublishAt is null)
            return new DraftOutcome(DraftStatus.Done, draft, await ApprovalsRequiredAsync());
        var now = clock.GetUtcNow();
        return await WriteDraftAsync(draft with { PublishAt = null, UpdatedAt = now, UpdatedBy = username },
            new ChangeNote(username, now, "draft-unschedule") { Live = false }, DraftStatus.Done);
    }

    public Task WakeForPublishAsync() => _draft.Value?.PublishAt is { } at && at <= clock.GetUtcNow() ? PublishDueAsync() : Task.CompletedTask;

    /// <summary>Makes the draft the new live version, then removes the draft; both audited, the first one also an event.</summary>
    private async Task<DraftOutcome> GoLiveAsync(ConfigDraft draft, string publisher)
    {
        var note = new ChangeNote(publisher, clock.GetUtcNow(), "publish")
        {
            ApprovedBy = [.. draft.Approvals.Select(a => a.By)],
            Detail = $"Draft by {string.Join(", ", draft.Authors)}.",
        };
        var saved = await StoreAsync(draft.Document, note, RevisionAction.Publish);
        if (saved.Status is not (SaveStatus.Created or SaveStatus.Updated))
        {
            return saved.Status == SaveStatus.PreconditionFailed
                ? new DraftOutcome(DraftStatus.Refused, draft, Refusal: DraftRefusal.OutOfDate, Message: "Another change went live at the same moment; review it and publish again.",
                    CurrentVersion: draft.Version, LiveVersion: saved.CurrentVersion)
                : new DraftOutcome(DraftStatus.Unavailable, draft, Fault: saved.Fault);
        }
        var removed = await WriteDraftAsync(null, new ChangeNote(publisher, note.At, "draft-publish") { Live = false, Detail = $"Published as version {saved.Config!.Version}." },
            DraftStatus.Published);
        if (removed.Status != DraftStatus.Published)
            logger.LogWarning("Flow config {Id}: version {Version} is live but its draft could not be removed; it shows as out of date", Id, saved.Config!.Version);
        return new DraftOutcome(DraftStatus.Published, Published: saved.Config, LiveVersion: saved.Config!.Version);
    }

    /// <summary>The scheduled time came: publish, or say in the draft (and the audit log) why it did not go live.</summary>
    private async Task PublishDueAsync()
    {
        if (await DraftStateFaultAsync() is { } fault)
        {
            logger.LogWarning("Flow config {Id}: scheduled publish waits for storage ({Reason})", Id, fault.Detail);
            ArmPublishTimer(retry: true);
            return;
        }
        if (_draft.Value is not { PublishAt: { } at } draft || at > clock.GetUtcNow())
        {
            ArmPublishTimer();
            return;
        }
        var publisher = draft.UpdatedBy;
        var check = DraftReview.CheckPublishable(draft, await ApprovalsRequiredAsync(), CurrentVersion);
        if (check.Draft is null)
        {
            var reason = $"The publish scheduled for {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC did not go live: {check.Message}";
            logger.LogWarning("Flow config {Id}: {Reason}", Id, reason);
            var now = clock.GetUtcNow();
            await WriteDraftAsync(DraftReview.MarkOutOfDate(draft, reason, CurrentVersion, now),
                new ChangeNote("flowconfigs", now, "draft-publish-failed") { Live = false, Detail = reason }, DraftStatus.Done);
            return;
        }
        var outcome = await GoLiveAsync(draft, publisher);
        if (outcome.Status == DraftStatus.Unavailable)
            ArmPublishTimer(retry: true);
        else
            logger.LogInformation("Flow config {Id}: scheduled publish went live as version {Version}", Id, outcome.LiveVersion);
    }

    /// <summary>Live moved away from the draft's base (not by publishing it): say so in the draft before the writer hears back.</summary>
    private async Task MarkDraftOutOfDateAsync(string reason)
    {
        if (_draftUnread || _draft.Value is not { } draft || draft.Base == CurrentVersion || draft.OutOfDate is not null)
            return;
        var now = clock.GetUtcNow();
        await WriteDraftAsync(DraftReview.MarkOutOfDate(draft, reason, CurrentVersion, now),
            new ChangeNote("flowconfigs", now, "draft-out-of-date") { Live = false, Detail = reason }, DraftStatus.Done);
    }

    private async Task<DraftOutcome?> RefuseDraftWriteAsync(SaveCondition condition)
    {
        if (await DraftStateFaultAsync() is { } fault)
            return new DraftOutcome(DraftStatus.Unavailable, Fault: fault);
        var draft = _draft.Value;
        return condition.IsMetBy(draft is not null, draft?.Version ?? 0) ? null : new DraftOutcome(DraftStatus.PreconditionFailed, draft, CurrentVersion: draft?.Version ?? 0);
    }

    /// <summary>Writes the next draft (null: removes it) with its audit line; tells the draft directory and re-aims the publish timer.</summary>
    private async Task<DraftOutcome> WriteDraftAsync(ConfigDraft? next, ChangeNote note, DraftStatus done)
    {
        var version = _draft.Version + 1;
        var stored = next is null ? null : next with { Version = version };
        var revision = DocumentHistory<ConfigDraft>.Entry(version, note.At, note.By, next is null ? RevisionAction.Delete : RevisionAction.Save,
            stored ?? _draft.Value ?? throw new InvalidOperationException("There is no draft to remove."));
        var written = await _draft.WriteAsync(stored, revision, note);
        switch (written.Status)
        {
            case DocumentWriteStatus.Written:
                ArmPublishTimer();
                await TellDraftDirectoryAsync();
                return new DraftOutcome(done, stored, await ApprovalsRequiredAsync(), CurrentVersion: version, LiveVersion: CurrentVersion);
            case DocumentWriteStatus.Conflict:
                return new DraftOutcome(DraftStatus.PreconditionFailed, CurrentVersion: written.StoredVersion);
            default:
                return new DraftOutcome(DraftStatus.Unavailable, _draft.Value, Fault: written.Fault);
        }
    }

    private async Task TellDraftDirectoryAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IDraftDirectoryGrain>(0).ApplyAsync(Id, _draft.Version, _draft.Value is { } draft ? DraftSummary.Of(draft) : null);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // The draft is stored; a directory that missed it reads it again when it next activates.
            logger.LogWarning("Draft directory update for flow config {Id} failed: {Reason}", Id, exception.Message);
        }
    }

    /// <summary>
    /// Aims a timer at the scheduled publish (at most a day ahead, as grain timers cannot wait longer than about 49
    /// days). It does not interleave: publishing is a write, in turn with every other write.
    /// </summary>
    private void ArmPublishTimer(bool retry = false)
    {
        _publishTimer?.Dispose();
        _publishTimer = null;
        if (_draft.Value?.PublishAt is not { } at) return;
        var due = retry
            ? options.Value.RecheckInterval
            : TimeSpan.FromTicks(Math.Clamp((at - clock.GetUtcNow()).Ticks, 0, TimeSpan.TicksPerDay));
        _publishTimer = this.RegisterGrainTimer(_ => PublishDueAsync(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
    }
}
