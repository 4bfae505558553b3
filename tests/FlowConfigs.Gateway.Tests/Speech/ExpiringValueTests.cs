using FlowConfigs.Gateway.Features.Speech;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary>The voice lists' cache: one shared load per lifetime, failures not kept, no caller cancelling it for others.</summary>
public sealed class ExpiringValueTests
{
    /// <summary>Time that moves only when the test says.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Interlocked.Read(ref _ticks);
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    private readonly ManualClock _clock = new();
    private int _loads;

    private ExpiringValue<int> Counting(Func<int, Task<int>>? load = null) =>
        new(() => (load ?? Task.FromResult)(Interlocked.Increment(ref _loads)), TimeSpan.FromMinutes(5), _clock);

    [Fact]
    public async Task Callers_share_one_load_until_its_lifetime_has_passed()
    {
        var value = Counting();
        Assert.Equal(1, await value.GetAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, await value.GetAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await value.GetAsync(CancellationToken.None));
        Assert.Equal(2, await value.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_load_is_not_kept()
    {
        var value = Counting(load => load == 1 ? Task.FromException<int>(new SpeechUnavailableException("down")) : Task.FromResult(load));
        await Assert.ThrowsAsync<SpeechUnavailableException>(() => value.GetAsync(CancellationToken.None));
        Assert.Equal(2, await value.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_who_gives_up_does_not_end_the_load_for_the_others()
    {
        var pending = new TaskCompletionSource<int>();
        var value = Counting(_ => pending.Task);
        using var hungUp = new CancellationTokenSource();
        var first = value.GetAsync(hungUp.Token);
        var second = value.GetAsync(CancellationToken.None);
        await hungUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        pending.SetResult(42);
        Assert.Equal(42, await second);
        Assert.Equal(1, _loads);
    }
}
