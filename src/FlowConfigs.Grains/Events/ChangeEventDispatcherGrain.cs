using FlowConfigs.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Events;

/// <summary>
/// Empties the outbox into the host's <see cref="IChangeEventSink"/>, oldest event first. An event leaves the outbox
/// only after the sink accepted it, so a crash between the two delivers it again (at least once; receivers
/// de-duplicate by event id). The first failure ends the pass: nothing behind it goes first, so each config's events
/// arrive in version order. The next pass waits a backoff that doubles with each failure in a row.
/// </summary>
[GrainType("change-event-dispatcher")]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class ChangeEventDispatcherGrain(
    IDocumentStore store,
    IEnumerable<IChangeEventSink> sinks,
    IOptions<ChangeEventDeliveryOptions> options,
    ChangeEventMetrics metrics,
    TimeProvider clock,
    ILogger<ChangeEventDispatcherGrain> logger) : Grain, IChangeEventDispatcherGrain
{
    // The container's convention: the last registration wins.
    private readonly IChangeEventSink? _sink = sinks.LastOrDefault();
    private readonly ChangeEventDeliveryOptions _options = options.Value;
    private readonly CancellationTokenSource _stopping = new();
    private Task _pass = Task.CompletedTask;
    private bool _passing;
    private bool _again;
    private int _failuresInARow;
    private IGrainTimer? _retry;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_sink is null)
            return Task.CompletedTask;
        metrics.Hosting();
        this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(_options.PollInterval, _options.PollInterval));
        Start();
        return Task.CompletedTask;
    }

    public Task NudgeAsync()
    {
        Start();
        return Task.CompletedTask;
    }

    private Task PollAsync(CancellationToken cancellationToken)
    {
        Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts a pass unless one runs (it then goes round once more, for events written meanwhile) or a backoff holds:
    /// a nudge per save must not turn a receiver's outage into a request per save.
    /// </summary>
    private void Start()
    {
        if (_sink is null || _retry is not null) return;
        if (_passing)
        {
            _again = true;
            return;
        }
        _passing = true;
        // Not awaited, so nudges keep returning at once while a slow receiver holds the pass; it runs on this
        // activation's scheduler, interleaving with them turn by turn.
        _pass = PassAsync();
    }

    private async Task PassAsync()
    {
        try
        {
            do
            {
                _again = false;
                if (!await DeliverPendingAsync(_sink!, _stopping.Token))
                    return;
            }
            while (_again);
        }
        finally
        {
            _passing = false;
        }
    }

    /// <summary>True once the outbox is empty; false after a failure, with the retry armed.</summary>
    private async Task<bool> DeliverPendingAsync(IChangeEventSink sink, CancellationToken cancellationToken)
    {
        OutboxEvent? current = null;
        try
        {
            while (true)
            {
                var batch = await store.ListOutboxAsync(_options.BatchSize, cancellationToken);
                foreach (var change in batch)
                {
                    current = change;
                    await sink.DeliverAsync(change, cancellationToken);
                    metrics.Delivered();
                    _failuresInARow = 0;
                    // Removed only once accepted: a crash right here sends it again, which at-least-once allows.
                    await store.RemoveOutboxAsync(change, cancellationToken);
                }
                current = null;
                if (batch.Count < _options.BatchSize)
                {
                    metrics.CaughtUp();
                    return true;
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            BackOff(current, exception);
            return false;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating: whatever was in flight stays in the outbox for the next activation.
            return false;
        }
    }

    private void BackOff(OutboxEvent? change, Exception error)
    {
        _failuresInARow++;
        metrics.Failed(change?.At);
        var delay = RetryDelay(_failuresInARow, _options);
        var nextAttempt = clock.GetUtcNow() + delay;
        // Expected failures (receiver down, refusing, storage busy) carry their reason; anything else keeps its stack.
        var unexpected = error is ChangeEventNotDeliveredException or StorageUnavailableException ? null : error;
        if (change is null)
            LogOutboxUnreadable(logger, unexpected, _failuresInARow, nextAttempt, error.Message);
        else
            LogNotDelivered(logger, unexpected, change.EventId, change.Subject, _failuresInARow, nextAttempt, error.Message);
        _retry = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
    }

    private Task RetryAsync(CancellationToken cancellationToken)
    {
        _retry?.Dispose();
        _retry = null;
        Start();
        return Task.CompletedTask;
    }

    /// <summary><see cref="ChangeEventDeliveryOptions.FirstRetryDelay"/> doubled for each failure after the first, at most <see cref="ChangeEventDeliveryOptions.MaxRetryDelay"/>.</summary>
    internal static TimeSpan RetryDelay(int failuresInARow, ChangeEventDeliveryOptions options)
    {
        var doublings = Math.Min(failuresInARow - 1, 30);
        var delay = options.FirstRetryDelay * Math.Pow(2, doublings);
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // An event being sent now stays in the outbox and goes again from the next activation.
        metrics.Left();
        await _stopping.CancelAsync();
        try
        {
            await _pass.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Deactivation ran out of time; the pass stops at its next await.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Change event {EventId} ({Subject}) was not delivered (failure {FailuresInARow} in a row); next attempt at {NextAttemptAt:O}: {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, Exception? exception, string eventId, string subject, int failuresInARow,
        DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The change event outbox could not be read (failure {FailuresInARow} in a row); next attempt at {NextAttemptAt:O}: {Reason}")]
    private static partial void LogOutboxUnreadable(ILogger logger, Exception? exception, int failuresInARow, DateTimeOffset nextAttemptAt, string reason);
}
