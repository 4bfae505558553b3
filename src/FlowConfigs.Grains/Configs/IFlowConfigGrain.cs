using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using Orleans.Concurrency;

namespace FlowConfigs.Grains.Configs;

/// <summary>One flow config, keyed by its id, held in memory with its resolved maps.</summary>
/// <remarks>
/// Reads interleave with everything, writes included: they only ever see the last acknowledged state, so a write
/// waiting on slow storage never holds a caller.
/// </remarks>
public interface IFlowConfigGrain : IGrainWithStringKey
{
    /// <summary>The stored config, or null when there is none.</summary>
    /// <exception cref="Storage.StorageFaultException">The stored document cannot be read.</exception>
    [AlwaysInterleave]
    Task<FlowConfig?> GetAsync();

    /// <summary>The flat map GetConfig returns, as UTF-8 JSON; null when the config does not exist.</summary>
    /// <exception cref="Storage.StorageFaultException">The stored document cannot be read.</exception>
    [AlwaysInterleave]
    ValueTask<ResolvedConfig?> ResolveAsync(string language, ContactChannel channel, ResolveDefaults defaults);

    /// <summary>
    /// The served version, config and referenced calendars, for another silo's read copy; only the version when the
    /// asker already holds <paramref name="knownVersion"/>.
    /// </summary>
    [AlwaysInterleave]
    ValueTask<ReadCopies.ConfigCopy> GetCopyAsync(ReadCopies.ServedVersion knownVersion);

    /// <summary>
    /// Creates or replaces the config. <paramref name="level"/> is the caller's level on this id (Edit or Full). A config
    /// that needs approval answers DraftRequired unless <paramref name="options"/> carries an emergency reason.
    /// </summary>
    Task<SaveOutcome> SaveAsync(FlowConfig proposed, SaveCondition condition, string username, AccessLevel level, ChangeOptions? options = null);

    Task<DeleteOutcome> DeleteAsync(SaveCondition condition, string username, ChangeOptions? options = null);

    /// <summary>
    /// Saves revision <paramref name="toVersion"/>'s document as a new version (restoring a deleted config too).
    /// NotFound when that revision is not kept. The caller must have Full access.
    /// </summary>
    Task<SaveOutcome> RollbackAsync(long toVersion, SaveCondition condition, string username, ChangeOptions? options = null);

    /// <summary>The shared draft, or NotFound.</summary>
    [AlwaysInterleave]
    Task<Drafts.DraftOutcome> GetDraftAsync();

    /// <summary>
    /// Creates or replaces the draft with <paramref name="proposed"/> (same structural guard as a save at
    /// <paramref name="level"/>); <paramref name="condition"/> is about the draft's own version.
    /// </summary>
    Task<Drafts.DraftOutcome> SaveDraftAsync(FlowConfig proposed, SaveCondition condition, string username, AccessLevel level);

    Task<Drafts.DraftOutcome> DeleteDraftAsync(SaveCondition condition, string username);

    /// <summary>Submit, approve, reject or comment on the draft. Approving and rejecting need Full on the id (checked by the caller).</summary>
    Task<Drafts.DraftOutcome> ReviewDraftAsync(Drafts.ReviewAction action, string? comment, SaveCondition condition, string username);

    /// <summary>Publishes the draft now (<paramref name="at"/> null or past) or schedules it.</summary>
    Task<Drafts.DraftOutcome> PublishDraftAsync(DateTimeOffset? at, SaveCondition condition, string username);

    /// <summary>Cancels a scheduled publish.</summary>
    Task<Drafts.DraftOutcome> UnschedulePublishAsync(string username);

    /// <summary>Activates the grain so its scheduled publish is timed here (or done, when due).</summary>
    Task WakeForPublishAsync();

    /// <summary>
    /// Calendar <paramref name="calendarId"/> changed (or was deleted): when this config's schedule references it, the
    /// config re-reads it and serves the values now in effect, on every silo, without a config write.
    /// </summary>
    Task CalendarChangedAsync(string calendarId);

    /// <summary>Every kept revision, newest first (empty when the config never had one).</summary>
    [AlwaysInterleave]
    Task<HistoryOutcome> GetHistoryAsync();

    [AlwaysInterleave]
    Task<RevisionOutcome> GetRevisionAsync(long version);
}
