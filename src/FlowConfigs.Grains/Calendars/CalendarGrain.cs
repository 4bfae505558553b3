using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Calendars;

/// <summary>
/// Holds one calendar in memory. Storage is read on activation and written on saves, imports, rollbacks and deletes,
/// each with its revision in the same durable step; what is served is always the last state storage acknowledged.
/// Every acknowledged change is passed on to the list and to each config whose schedule references the calendar.
/// </summary>
[GrainType(Kind)]
public sealed class CalendarGrain(
    DocumentStorage storage,
    TimeProvider clock,
    IOptions<FlowConfigGrainOptions> options,
    ILogger<CalendarGrain> logger) : Grain, ICalendarGrain
{
    /// <summary>The document kind calendars are stored as (and the grain type).</summary>
    public const string Kind = "calendar";

    /// <summary>Configs told at once: an emergency calendar may be referenced by hundreds.</summary>
    private const int ConcurrentNotices = 16;

    private PersistedDocument<Calendar> _document = null!;
    private DocumentHistory<Calendar> _history = null!;
    private AcknowledgedWrites<Calendar> _writes = null!;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _document = storage.Open<Calendar>(new DocumentKey(Kind, Id));
        _history = new DocumentHistory<Calendar>(storage.Store, _document.Key, $"calendar {Id}", logger);
        _writes = new AcknowledgedWrites<Calendar>(this, _document, PassOnAsync, options.Value.RecheckInterval, logger);
        try
        {
            await _document.LoadAsync(cancellationToken);
        }
        catch (StorageUnavailableException exception)
        {
            logger.LogWarning("Loading calendar {Id} failed: {Reason}", Id, exception.Message);
            throw new StorageFaultException(new StorageFault(
                $"Storage is not answering, so calendar {Id} cannot be loaded. Try again in a moment.", StorageFault.Shortly));
        }
        // Schedules with a typo and made-up ids in URLs wake calendars nobody stored: they go soon, as such configs do.
        if (_document.Value is null && _document.UnreadableReason is null)
            this.RegisterGrainTimer(ForgetIfStillUnknown, new GrainTimerCreationOptions(options.Value.UnknownIdLifetime, Timeout.InfiniteTimeSpan));
    }

    private Task ForgetIfStillUnknown(CancellationToken cancellationToken)
    {
        // A write of unknown outcome stays, so its background re-check can pass on what storage holds.
        if (_document.Value is null && !_document.Uncertain)
            DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<Calendar?> GetAsync()
    {
        if (UnreadableFault() is { } fault)
            throw new StorageFaultException(fault);
        return Task.FromResult(_document.Value);
    }

    public Task<VersionedCalendar> GetVersionedAsync()
    {
        if (UnreadableFault() is { } fault)
            throw new StorageFaultException(fault);
        return Task.FromResult(new VersionedCalendar(_document.Version, _document.Value));
    }

    public async Task<CalendarSaveOutcome> SaveAsync(Calendar proposed, SaveCondition condition, string username) =>
        await RefusalAsync(condition) ?? await StoreAsync(proposed, username, RevisionAction.Save, _document.Value is null ? "create" : "save");

    public async Task<CalendarSaveOutcome> ImportAsync(IReadOnlyList<CalendarEvent> events, string descriptionIfNew, SaveCondition condition, string username)
    {
        if (await RefusalAsync(condition) is { } refused) return refused;
        var calendar = _document.Value ?? new Calendar { Id = Id, Description = descriptionIfNew, Events = [] };
        return await StoreAsync(calendar with { Events = events }, username, RevisionAction.Save, "import");
    }

    public async Task<CalendarSaveOutcome> RollbackAsync(long toVersion, SaveCondition condition, string username)
    {
        if (await RefusalAsync(condition) is { } refused) return refused;
        var (revision, document, fault) = await _history.ReadAsync(toVersion);
        if (fault is not null)
            return new CalendarSaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: fault);
        if (revision is null)
            return new CalendarSaveOutcome(SaveStatus.NotFound, CurrentVersion: _document.Version);
        return await StoreAsync(document!, username, RevisionAction.Rollback, _document.Value is null ? "restore" : "rollback");
    }

    public async Task<DeleteOutcome> DeleteAsync(SaveCondition condition, string username)
    {
        if (await CurrentStateFaultAsync() is { } fault)
            return new DeleteOutcome(DeleteStatus.Unavailable, _document.Version, fault);
        if (_document.Value is not { } current)
            return new DeleteOutcome(DeleteStatus.NotFound);
        if (!condition.IsMetBy(exists: true, current.Version))
            return new DeleteOutcome(DeleteStatus.PreconditionFailed, current.Version);

        var version = _document.Version + 1;
        var at = clock.GetUtcNow();
        var written = await _writes.WriteAsync(null, DocumentHistory<Calendar>.Entry(version, at, username, RevisionAction.Delete, current),
            new ChangeNote(username, at, "delete"));
        return written.Status switch
        {
            DocumentWriteStatus.Written => new DeleteOutcome(DeleteStatus.Deleted, version),
            DocumentWriteStatus.Conflict => new DeleteOutcome(DeleteStatus.PreconditionFailed, written.StoredVersion),
            _ => new DeleteOutcome(DeleteStatus.Unavailable, _document.Version, written.Fault),
        };
    }

    public Task<HistoryOutcome> GetHistoryAsync() => _history.ListAsync();

    public async Task<CalendarRevisionOutcome> GetRevisionAsync(long version)
    {
        var (revision, document, fault) = await _history.ReadAsync(version);
        return new CalendarRevisionOutcome(
            revision is null ? null : new CalendarRevision(revision.Version, revision.At, revision.By, revision.Action, document!), fault);
    }

    /// <summary>A deleted calendar answers with the version of its tombstone, so a re-create can name it.</summary>
    private long CurrentVersion => _document.Value?.Version ?? 0;

    /// <summary>Why a write cannot go ahead (storage cannot say what it holds, or the condition fails), or null.</summary>
    private async Task<CalendarSaveOutcome?> RefusalAsync(SaveCondition condition)
    {
        if (await CurrentStateFaultAsync() is { } fault)
            return new CalendarSaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: fault);
        return condition.IsMetBy(_document.Value is not null, CurrentVersion)
            ? null
            : new CalendarSaveOutcome(SaveStatus.PreconditionFailed, CurrentVersion: CurrentVersion);
    }

    private async Task<StorageFault?> CurrentStateFaultAsync() => await _document.EnsureCurrentAsync() ?? UnreadableFault();

    private async Task<CalendarSaveOutcome> StoreAsync(Calendar calendar, string username, RevisionAction action, string audited)
    {
        var existed = _document.Value is not null;
        var stored = calendar with { Id = Id, Version = _document.Version + 1, UpdatedAt = clock.GetUtcNow(), UpdatedBy = username };
        var written = await _writes.WriteAsync(stored, DocumentHistory<Calendar>.Entry(stored.Version, stored.UpdatedAt.Value, username, action, stored),
            new ChangeNote(username, stored.UpdatedAt.Value, audited));
        return written.Status switch
        {
            DocumentWriteStatus.Written => new CalendarSaveOutcome(existed ? SaveStatus.Updated : SaveStatus.Created, stored, stored.Version),
            DocumentWriteStatus.Conflict => new CalendarSaveOutcome(SaveStatus.PreconditionFailed, CurrentVersion: written.StoredVersion),
            _ => new CalendarSaveOutcome(SaveStatus.Unavailable, CurrentVersion: _document.Version, Fault: written.Fault),
        };
    }

    /// <summary>
    /// Tells the list, then every referencing config, before the writer hears back, so a caller that saw the write
    /// acknowledged sees its effect. The write is durable whatever these calls do: a failure is logged, never answered.
    /// </summary>
    private async Task PassOnAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ICalendarDirectoryGrain>(0).ApplyAsync(Id, _document.Version,
                _document.Value is { } calendar ? CalendarSummary.Of(calendar) : null);
        }
        catch (Exception exception)
        {
            // A list that missed it reads storage again when it next activates.
            logger.LogError(exception, "List update for calendar {Id} version {Version} failed", Id, _document.Version);
        }

        string[] configs;
        try
        {
            configs = await GrainFactory.GetGrain<Listing.IFlowConfigDirectoryGrain>(0).ReferencingAsync(Id);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Calendar {Id} version {Version}: the configs that reference it could not be listed, so none was told", Id, _document.Version);
            return;
        }
        using var slots = new SemaphoreSlim(ConcurrentNotices);
        await Task.WhenAll(configs.Select(async config =>
        {
            await slots.WaitAsync();
            try
            {
                await GrainFactory.GetGrain<IFlowConfigGrain>(config).CalendarChangedAsync(Id);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Config {Config} was not told of calendar {Id} version {Version}", config, Id, _document.Version);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private StorageFault? UnreadableFault() => _document.UnreadableReason is { } reason
        ? new StorageFault($"Calendar {Id} is stored in a form that cannot be read ({reason}). Fix or remove the stored item.", TimeSpan.FromMinutes(5))
        : null;
}
