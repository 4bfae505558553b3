namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// A value loaded on demand and kept for <paramref name="lifetime"/>: every caller in that time shares one load, and a
/// load that failed is not kept, so the next caller tries again. The load runs without any caller's cancellation
/// (one caller hanging up must not fail the others); it bounds itself.
/// </summary>
internal sealed class ExpiringValue<T>(Func<Task<T>> load, TimeSpan lifetime, TimeProvider clock)
{
    /// <summary>Lazy, so of two callers who both find the value stale only the one whose entry is kept starts a load.</summary>
    private sealed record Loaded(Lazy<Task<T>> Value, long StartedAt);

    private Loaded? _current;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || IsStale(current))
        {
            var fresh = new Loaded(new Lazy<Task<T>>(load), clock.GetTimestamp());
            current = Interlocked.CompareExchange(ref _current, fresh, current) == current ? fresh : Volatile.Read(ref _current)!;
        }
        return current.Value.Value.WaitAsync(cancellationToken);
    }

    private bool IsStale(Loaded loaded)
    {
        var task = loaded.Value.Value;
        return task.IsFaulted || task.IsCanceled || (task.IsCompletedSuccessfully && clock.GetElapsedTime(loaded.StartedAt) > lifetime);
    }
}
