using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Listing;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Settings;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// Holds one config in memory and, per language and channel, the resolved map as UTF-8 JSON, so GetConfig never
/// touches storage or re-serializes. Storage is read on activation and written on saves and deletes only; what is
/// served is always the last state storage acknowledged, whatever storage does meanwhile. A scheduled config also
/// holds the calendars its schedule references and arms a timer for its next boundary, so what GetConfig answers
/// changes on time with no request and no write; calendar grains tell it when a calendar changes.
/// </summary>
[GrainType(GrainTypeName)]
[CollectionAgeLimit(Minutes = 120)]
public sealed partial class FlowConfigGrain(
    DocumentStorage storage,
    TimeProvider clock,
    LocalResolvedConfigs local,
    ConfigChanges changes,
    IOptions<FlowConfigGrainOptions> options,
    ILogger<FlowConfigGrain> logger) : Grain, IFlowConfigGrain
{
    public const string GrainTypeName = "flowconfig";

    /// <summary>The document kind configs are stored as.</summary>
    public const string Kind = "flowconfig";

    private PersistedDocument<FlowConfig> _document = null!;
    private ResolvedSnapshot? _snapshot;
    private AcknowledgedWrites<FlowConfig> _writes = null!;
    private DocumentHistory<FlowConfig> _history = null!;
    private ReferencedCalendars _calendars = ReferencedCalendars.None;
    /// <summary>Retries calendars that could not be read.</summary>
    private IGrainTimer? _calendarRetry;
    private IGrainTimer? _boundary;
    /// <summary>The settings' zone, for a schedule whose config names none; GetConfig calls keep it current.</summary>
    private string _defaultZone = ResolveDefaults.DefaultTimeZone;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _document = storage.Open<FlowConfig>(new DocumentKey(Kind, Id));
        _writes = new AcknowledgedWrites<FlowConfig>(this, _document, PublishAcknowledgedAsync, options.Value.RecheckInterval, logger);
        _history = new DocumentHistory<FlowConfig>(storage.Store, _document.Key, $"flow config {Id}", logger);
        var draft = LoadDraftAsync(cancellationToken);
        try
        {
            await _document.LoadAsync(cancellationToken);
        }
        catch (StorageUnavailableException exception)
        {
            logger.LogWarning("Loading flow config {Id} failed: {Reason}", Id, exception.Message);
            throw new StorageFaultException(new StorageFault(
                $"Storage is not answering, so flow config {Id} cannot be loaded. Try again in a moment.", StorageFault.Shortly));
        }
        await draft;
        await LoadScheduleContextAsync();
        Publish();
        // Read copies elsewhere may predate this activation (the previous host died mid-announcement): re-announce.
        changes.AnnounceInBackground(Id, Served);
        if (_document.Value is null && _document.UnreadableReason is null)
            this.RegisterGrainTimer(ForgetIfStillUnknown, new GrainTimerCreationOptions(options.Value.UnknownIdLifetime, Timeout.InfiniteTimeSpan));
    }

    private Task ForgetIfStillUnknown(CancellationToken cancellationToken)
    {
        if (_document.Value is null)
            DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        local.Withdraw(Id);
        return Task.CompletedTask;
    }

    public Task<FlowConfig?> GetAsync()
    {
        ThrowIfUnreadable();
        return Task.FromResult(_document.Value);
    }

    public ValueTask<ResolvedConfig?> ResolveAsync(string language, ContactChannel channel, ResolveDefaults defaults)
    {
        ThrowIfUnreadable();
        _defaultZone = defaults.TimeZone;
        return ValueTask.FromResult(_snapshot?.Resolve(language, channel, defaults));
    }

    public ValueTask<ConfigCopy> GetCopyAsync(ServedVersion knownVersion)
    {
        ThrowIfUnreadable();
        return ValueTask.FromResult(ConfigCopy.Of(Served, _document.Value, knownVersion, _calendars.ForCopy));
    }

    public async Task<SaveOutcome> SaveAsync(FlowConfig proposed, SaveCondition condition, string username, AccessLevel level, ChangeOptions? options = null)
    {
        if (await _document.EnsureCurrentAsync() is { } fault)
            return new SaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: fault);
        if (UnreadableFault() is { } unreadable)
            return new SaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: unreadable);
        var current = _document.Value;
        if (!Satisfies(condition, current))
            return new SaveOutcome(SaveStatus.PreconditionFailed, CurrentVersion: CurrentVersion);

        if (level < AccessLevel.Full)
        {
            var change = current is null
                ? new StructuralChange("id", "Creating a config needs Full access.")
                : EditGuard.FindStructuralChange(current, proposed);
            if (change is not null)
                return new SaveOutcome(SaveStatus.StructuralChangeForbidden, Forbidden: change, CurrentVersion: CurrentVersion);
        }
        if (await ApprovalsRequiredWithoutEmergencyAsync(options) is { } required)
            return new SaveOutcome(SaveStatus.DraftRequired, CurrentVersion: CurrentVersion, ApprovalsRequired: required);

        return await StoreAsync(proposed, Note(username, options?.Action ?? (current is null ? "create" : "save"), options), RevisionAction.Save);
    }

    public async Task<SaveOutcome> RollbackAsync(long toVersion, SaveCondition condition, string username, ChangeOptions? options = null)
    {
        if (await _document.EnsureCurrentAsync() is { } fault)
            return new SaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: fault);
        if (!Satisfies(condition, _document.Value))
            return new SaveOutcome(SaveStatus.PreconditionFailed, CurrentVersion: CurrentVersion);
        var read = await GetRevisionAsync(toVersion);
        if (read.Fault is not null)
            return new SaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: read.Fault);
        if (read.Revision is null)
            return new SaveOutcome(SaveStatus.NotFound, CurrentVersion: _document.Version);
        if (await ApprovalsRequiredWithoutEmergencyAsync(options) is { } required)
            return new SaveOutcome(SaveStatus.DraftRequired, CurrentVersion: CurrentVersion, ApprovalsRequired: required);
        return await StoreAsync(read.Revision.Document, Note(username, _document.Value is null ? "restore" : "rollback", options), RevisionAction.Rollback);
    }

    public async Task<DeleteOutcome> DeleteAsync(SaveCondition condition, string username, ChangeOptions? options = null)
    {
        if (await _document.EnsureCurrentAsync() is { } fault)
            return new DeleteOutcome(DeleteStatus.Unavailable, _document.Version, fault);
        if (UnreadableFault() is { } unreadable)
            return new DeleteOutcome(DeleteStatus.Unavailable, _document.Version, unreadable);
        var current = _document.Value;
        if (current is null)
            return new DeleteOutcome(DeleteStatus.NotFound);
        if (!Satisfies(condition, current))
            return new DeleteOutcome(DeleteStatus.PreconditionFailed, current.Version);
        if (await ApprovalsRequiredWithoutEmergencyAsync(options) is { } required)
            return new DeleteOutcome(DeleteStatus.DraftRequired, current.Version, ApprovalsRequired: required);

        var version = _document.Version + 1;
        var note = Note(username, "delete", options);
        var written = await _writes.WriteAsync(null, DocumentHistory<FlowConfig>.Entry(version, note.At, username, RevisionAction.Delete, current), note);
        if (written.Status == DocumentWriteStatus.Written)
            await MarkDraftOutOfDateAsync($"The config was deleted by {username}.");
        return written.Status switch
        {
            DocumentWriteStatus.Written => new DeleteOutcome(DeleteStatus.Deleted, version),
            DocumentWriteStatus.Conflict => new DeleteOutcome(DeleteStatus.PreconditionFailed, written.StoredVersion),
            _ => new DeleteOutcome(DeleteStatus.Unavailable, _document.Version, written.Fault),
        };
    }

    public async Task CalendarChangedAsync(string calendarId)
    {
        if (!ReferencedCalendars.Referenced(_document.Value, calendarId)) return;
        var before = Served;
        await LoadCalendarsAsync(reload: calendarId);
        if (Served == before) return;
        logger.LogInformation("Flow config {Id}: calendar {Calendar} changed; serving {Version}", Id, calendarId, Served);
        Publish();
        await changes.AnnounceAsync(Id, Served);
    }

    public Task<HistoryOutcome> GetHistoryAsync() => _history.ListAsync();

    public async Task<RevisionOutcome> GetRevisionAsync(long version)
    {
        var (summary, document, fault) = await _history.ReadAsync(version);
        return new RevisionOutcome(summary is null || document is null ? null
            : new Revision(summary.Version, summary.At, summary.By, summary.Action, document), fault);
    }

    /// <summary>A deleted config answers with the version of its tombstone, so a re-create can name it.</summary>
    private long CurrentVersion => _document.Value?.Version ?? 0;

    /// <summary>Writes a new live version; any draft not being published by it is now based on an older one.</summary>
    private async Task<SaveOutcome> StoreAsync(FlowConfig document, ChangeNote note, RevisionAction action)
    {
        var existed = _document.Value is not null;
        var stored = document with
        {
            Id = Id,
            Version = _document.Version + 1,
            UpdatedAt = note.At,
            UpdatedBy = note.By,
        };
        var written = await _writes.WriteAsync(stored, DocumentHistory<FlowConfig>.Entry(stored.Version, note.At, note.By, action, stored), note);
        if (written.Status == DocumentWriteStatus.Written && action != RevisionAction.Publish)
            await MarkDraftOutOfDateAsync($"Version {stored.Version} was made live by {note.By} ({note.Action}).");
        return written.Status switch
        {
            DocumentWriteStatus.Written => new SaveOutcome(existed ? SaveStatus.Updated : SaveStatus.Created, stored, CurrentVersion: stored.Version),
            DocumentWriteStatus.Conflict => new SaveOutcome(SaveStatus.PreconditionFailed, CurrentVersion: written.StoredVersion),
            _ => new SaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: written.Fault),
        };
    }

    private ChangeNote Note(string username, string action, ChangeOptions? options) =>
        new(username, clock.GetUtcNow(), action) { EmergencyReason = options?.EmergencyReason };

    /// <summary>The approvals a direct change would bypass, or null when it may go ahead (none needed, or an emergency).</summary>
    private async Task<int?> ApprovalsRequiredWithoutEmergencyAsync(ChangeOptions? options)
    {
        if (options?.EmergencyReason is not null) return null;
        var required = await ApprovalsRequiredAsync();
        return required > 0 ? required : null;
    }

    private async Task<int> ApprovalsRequiredAsync() =>
        ApprovalRule.Required((await GrainFactory.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync()).Approvals, Id);

    private static bool Satisfies(SaveCondition condition, FlowConfig? current) =>
        !(condition.MustNotExist && current is not null) &&
        !(condition.MustExist && current is null) &&
        (condition.ExpectedVersion is not { } expected || expected == (current?.Version ?? 0));

    /// <summary>
    /// A version storage has just acknowledged: serve it here, have other silos drop older read copies before the
    /// caller hears of it, and update the list.
    /// </summary>
    private async Task PublishAcknowledgedAsync()
    {
        await LoadScheduleContextAsync();
        Publish();
        await changes.AnnounceAsync(Id, Served);
        await TellDirectoryAsync();
    }

    private void Publish()
    {
        _snapshot = _document.Value is { } config ? new ResolvedSnapshot(config, _calendars.Existing, clock) : null;
        if (_snapshot is not null)
            local.Publish(Id, _snapshot);
        else
            local.Withdraw(Id);
        ArmBoundaryTimer();
    }

    /// <summary>What this activation serves: the config's version and, for its schedule, its calendars' versions.</summary>
    private ServedVersion Served
    {
        get => new(_document.Version, _calendars.VersionSum);
    }

    /// <summary>The calendars the schedule references and, when it names no zone, the settings' zone.</summary>
    private async Task LoadScheduleContextAsync()
    {
        await LoadCalendarsAsync(reload: null);
        if (_document.Value is { Schedule.Count: > 0, TimeZone: null })
        {
            try
            {
                _defaultZone = (await GrainFactory.GetGrain<ISettingsGrain>(ISettingsGrain.Key).GetAsync()).TimeZone ?? ResolveDefaults.DefaultTimeZone;
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                // Only the timer's aim depends on it: every read passes the zone it was asked in and switches by itself.
                logger.LogInformation("Flow config {Id}: settings unreadable ({Reason}); aiming its boundary timer in {Zone}", Id, exception.Message, _defaultZone);
            }
        }
    }

    /// <summary>
    /// Reads the calendars the current schedule references that are not held yet (and <paramref name="reload"/>). One
    /// that cannot be read counts as before (or empty) and is retried every few seconds until it can.
    /// </summary>
    private async Task LoadCalendarsAsync(string? reload)
    {
        _calendars = await _calendars.ReadAsync(GrainFactory, _document.Value, reload, (calendarId, exception) =>
            logger.LogWarning("Flow config {Id}: calendar {Calendar} cannot be read ({Reason}); its entries stay as they were until it can",
                Id, calendarId, exception.Message));
        if (_calendars.AnyUnread)
            _calendarRetry ??= this.RegisterGrainTimer(RetryCalendarsAsync, new GrainTimerCreationOptions(options.Value.RecheckInterval, options.Value.RecheckInterval));
        else
            StopCalendarRetry();
    }

    private async Task RetryCalendarsAsync(CancellationToken cancellationToken)
    {
        var before = Served;
        await LoadCalendarsAsync(reload: null);
        if (Served == before) return;
        Publish();
        await changes.AnnounceAsync(Id, Served);
    }

    private void StopCalendarRetry()
    {
        _calendarRetry?.Dispose();
        _calendarRetry = null;
    }

    /// <summary>
    /// Aims a one-shot timer at the snapshot's next boundary. It interleaves, so a save waiting on slow storage does
    /// not hold the switch back; it touches only the immutable snapshot, which advances under its own lock.
    /// </summary>
    private void ArmBoundaryTimer()
    {
        _boundary?.Dispose();
        _boundary = null;
        if (_snapshot is not { } snapshot || snapshot.Config.Schedule is not { Count: > 0 }) return;
        if (snapshot.Current(_defaultZone).Until is not { } until) return;
        // A timer cannot wait more than about 49 days; a boundary further off is aimed at again after a day.
        var due = TimeSpan.FromTicks(Math.Clamp((until - clock.GetUtcNow()).Ticks, 0, TimeSpan.TicksPerDay));
        _boundary = this.RegisterGrainTimer(OnBoundaryAsync, snapshot, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private Task OnBoundaryAsync(ResolvedSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot != _snapshot) return Task.CompletedTask;
        var stretch = snapshot.AdvanceIfDue(_defaultZone);
        logger.LogInformation("Flow config {Id}: schedule boundary; active now: [{Active}] until {Until:O}", Id, string.Join(", ", stretch.Active), stretch.Until);
        ArmBoundaryTimer();
        return Task.CompletedTask;
    }

    private async Task TellDirectoryAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IFlowConfigDirectoryGrain>(0).ApplyAsync(Id, _document.Version,
                _document.Value is { } config ? FlowConfigSummary.Of(config) : null, [.. ReferencedCalendars.IdsOf(_document.Value)]);
        }
        catch (Exception exception)
        {
            // The write is durable; a directory that missed it rebuilds from storage when it next activates.
            logger.LogError(exception, "Directory update for flow config {Id} version {Version} failed", Id, _document.Version);
        }
    }

    private StorageFault? UnreadableFault() => _document.UnreadableReason is { } reason
        ? new StorageFault($"Flow config {Id} is stored in a form that cannot be read ({reason}). Fix or remove the stored item.", TimeSpan.FromMinutes(5))
        : null;

    private void ThrowIfUnreadable()
    {
        if (UnreadableFault() is { } fault)
            throw new StorageFaultException(fault);
    }
}
