using System.Text;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Tests.Configs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Tests.ReadCopies;

/// <summary>
/// The read-copy rules in one silo, against a stand-in for the config's grain whose answers the test holds back and
/// releases, so the races a cluster produces now and then happen here every time.
/// </summary>
public sealed class ConfigReadCopiesTests : IDisposable
{
    private const string Id = "queue/sales";
    private readonly ManualClock _clock = new();
    private readonly GrainStandIn _grain = new();
    private readonly LocalResolvedConfigs _local = new();
    private readonly ConfigReadCopies _copies;

    public ConfigReadCopiesTests() => _copies = Create(new ReadCopyOptions());

    private ConfigReadCopies Create(ReadCopyOptions options)
    {
        options.SweepEvery = Timeout.InfiniteTimeSpan; // the tests sweep when they mean to
        return new ConfigReadCopies(_local, _grain, Options.Create(options), _clock, NullLogger<ConfigReadCopies>.Instance);
    }

    private async Task<(string? Greeting, ResolvedSource Source)> ReadAsync(ConfigReadCopies copies, string id = Id)
    {
        var (resolved, source) = await copies.ReadAsync(id, "en-US", ContactChannel.Voice, ResolveDefaults.None);
        return (resolved is null ? null : Greeting(resolved), source);
    }

    private Task<(string? Greeting, ResolvedSource Source)> ReadAsync(string id = Id) => ReadAsync(_copies, id);

    private static string Greeting(ResolvedConfig resolved) =>
        System.Text.Json.JsonDocument.Parse(resolved.Utf8Json).RootElement.GetProperty("greeting").GetString()!;

    [Fact]
    public async Task A_config_is_fetched_once_then_answered_from_the_copy()
    {
        _grain.Store(Id, 1, "one");

        Assert.Equal(("one", ResolvedSource.Grain), await ReadAsync());
        Assert.Equal(("one", ResolvedSource.Copy), await ReadAsync());
        Assert.Equal(("one", ResolvedSource.Copy), await ReadAsync());
        Assert.Equal(1, _copies.Count);
    }

    [Fact]
    public async Task The_hosting_activations_snapshot_comes_first()
    {
        _grain.Store(Id, 1, "one");
        await ReadAsync();
        _local.Publish(Id, new ResolvedSnapshot(SampleConfigs.Branch(Id, greeting: "hosted"), new Dictionary<string, FlowConfigs.Domain.Schedules.Calendar>(), TimeProvider.System));

        Assert.Equal(("hosted", ResolvedSource.Local), await ReadAsync());
        _local.Withdraw(Id);
        Assert.Equal(("one", ResolvedSource.Copy), await ReadAsync());
    }

    [Fact]
    public async Task Reads_from_the_activation_or_the_copy_are_hits_and_grain_fetches_misses()
    {
        _grain.Store(Id, 1, "one");
        await ReadAsync();
        await ReadAsync();
        await ReadAsync();
        Assert.Equal((2L, 1L), _copies.Reads.Totals());

        _local.Publish(Id, new ResolvedSnapshot(SampleConfigs.Branch(Id, greeting: "hosted"), new Dictionary<string, FlowConfigs.Domain.Schedules.Calendar>(), TimeProvider.System));
        await ReadAsync();
        // An id nobody stored keeps no copy: each read asks the grain again.
        await ReadAsync("queue/none");
        await ReadAsync("queue/none");
        Assert.Equal((3L, 3L), _copies.Reads.Totals());
    }

    [Fact]
    public async Task An_announced_newer_version_drops_the_copy_at_once()
    {
        _grain.Store(Id, 1, "one");
        await ReadAsync();

        _grain.Store(Id, 2, "two");
        _copies.Changed(Id, ServedVersion.Of(2));

        var (greeting, _) = await ReadAsync();
        Assert.Equal("two", greeting);
        Assert.Equal(("two", ResolvedSource.Copy), await ReadAsync());
    }

    [Fact]
    public async Task A_late_announcement_of_an_older_version_changes_nothing()
    {
        _grain.Store(Id, 2, "two");
        await ReadAsync();

        _copies.Changed(Id, ServedVersion.Of(1));

        Assert.Equal(("two", ResolvedSource.Copy), await ReadAsync());
    }

    [Fact]
    public async Task A_fetch_answered_before_a_change_and_arriving_after_it_is_neither_kept_nor_served()
    {
        _grain.Store(Id, 1, "one");
        var held = _grain.HoldNextAnswer();
        var reading = ReadAsync();
        await held.Asked;

        // The grain answered version 1, then version 2 was written and announced before that answer arrived here.
        var stale = _grain.Snapshot(Id);
        _grain.Store(Id, 2, "two");
        _copies.Changed(Id, ServedVersion.Of(2));
        held.Release(stale);

        Assert.Equal(("two", ResolvedSource.Grain), await reading);
        Assert.Equal(("two", ResolvedSource.Copy), await ReadAsync());
    }

    [Fact]
    public async Task After_serving_a_version_an_older_answer_from_the_grain_never_replaces_it()
    {
        _grain.Store(Id, 3, "three");
        await ReadAsync();

        // Storage went back (restored from a backup): the grain now answers version 2.
        _grain.Store(Id, 2, "two");
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(("three", ResolvedSource.Copy), await ReadAsync()); // starts the re-check
        await _grain.WaitForAnswersAsync(2);
        await Task.Yield();

        for (var i = 0; i < 20; i++)
            Assert.Equal(("three", ResolvedSource.Copy), await ReadAsync());
    }

    [Fact]
    public async Task A_silo_that_missed_an_announcement_catches_up_after_the_revalidation_bound()
    {
        _grain.Store(Id, 1, "one");
        await ReadAsync();
        _grain.Store(Id, 2, "two"); // announced elsewhere; this silo never heard of it

        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(("one", ResolvedSource.Copy), await ReadAsync());
        Assert.Equal(1, _grain.Answers);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(("one", ResolvedSource.Copy), await ReadAsync()); // served at once; the re-check runs behind it
        await EventuallyAsync(async () => await ReadAsync() == ("two", ResolvedSource.Copy));
    }

    [Fact]
    public async Task A_revalidated_copy_that_is_still_current_is_not_sent_again()
    {
        _grain.Store(Id, 1, "one");
        await ReadAsync();
        _clock.Advance(TimeSpan.FromSeconds(6));

        await ReadAsync();
        await _grain.WaitForAnswersAsync(2);

        Assert.True(_grain.LastAnswer!.Unchanged);
        Assert.Null(_grain.LastAnswer.Config);
        Assert.Equal(("one", ResolvedSource.Copy), await ReadAsync());
    }

    [Fact]
    public async Task A_deleted_config_is_not_found_from_the_copy_and_cannot_come_back_older()
    {
        _grain.Store(Id, 1, "one");
        await ReadAsync();
        _grain.Delete(Id, 2);
        _copies.Changed(Id, ServedVersion.Of(2));

        Assert.Null((await ReadAsync()).Greeting);
        Assert.Equal((null, ResolvedSource.Copy), await ReadAsync());

        // The grain answering version 1 again (storage went back) must not bring the config back here.
        _grain.Store(Id, 1, "one");
        _clock.Advance(TimeSpan.FromSeconds(6));
        await ReadAsync();
        await _grain.WaitForAnswersAsync(_grain.Answers + 1);
        for (var i = 0; i < 20; i++)
            Assert.Equal((null, ResolvedSource.Copy), await ReadAsync());
    }

    [Fact]
    public async Task Concurrent_first_reads_share_one_fetch()
    {
        _grain.Store(Id, 1, "one");
        var held = _grain.HoldNextAnswer();
        var readers = Enumerable.Range(0, 20).Select(_ => ReadAsync()).ToArray();
        await held.Asked;
        held.Release(_grain.Snapshot(Id));

        Assert.All(await Task.WhenAll(readers), r => Assert.Equal(("one", ResolvedSource.Grain), r));
        Assert.Equal(1, _grain.Answers);
    }

    [Fact]
    public async Task Ids_nobody_stored_keep_nothing()
    {
        for (var i = 0; i < 100; i++)
            Assert.Equal((null, ResolvedSource.Grain), await ReadAsync("unknown-" + i));
        Assert.Equal(0, _copies.Count);
    }

    [Fact]
    public async Task Copies_are_capped_and_idle_ones_are_swept()
    {
        using var copies = Create(new ReadCopyOptions { MaxConfigs = 10, IdleAfter = TimeSpan.FromMinutes(10) });
        for (var i = 0; i < 25; i++)
        {
            _grain.Store("c" + i, 1, "g" + i);
            Assert.Equal(("g" + i, ResolvedSource.Grain), await ReadAsync(copies, "c" + i));
        }
        Assert.Equal(10, copies.Count);
        // Past the cap an id is still answered, from the grain each time.
        Assert.Equal(("g20", ResolvedSource.Grain), await ReadAsync(copies, "c20"));

        // Over 90 % of the cap the sweep keeps the most recently used three quarters.
        _clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var i in new[] { 7, 8, 9 })
            await ReadAsync(copies, "c" + i);
        copies.Sweep();
        Assert.Equal(7, copies.Count);
        foreach (var i in new[] { 7, 8, 9 })
            Assert.Equal(("g" + i, ResolvedSource.Copy), await ReadAsync(copies, "c" + i));

        // Nobody asks for ten minutes: everything goes.
        _clock.Advance(TimeSpan.FromMinutes(11));
        copies.Sweep();
        Assert.Equal(0, copies.Count);
        Assert.Equal(("g7", ResolvedSource.Grain), await ReadAsync(copies, "c7"));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await condition()) return;
            await Task.Delay(10);
        }
        Assert.Fail("the condition never held");
    }

    public void Dispose() => _copies.Dispose();

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = TimeSpan.FromDays(1).Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Interlocked.Read(ref _ticks);
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>The config grains' side of <see cref="IConfigCopySource"/>: versions per id, and answers the test can hold back.</summary>
    private sealed class GrainStandIn : IConfigCopySource
    {
        private readonly Dictionary<string, (long Version, FlowConfig? Config)> _stored = new();
        private readonly Lock _gate = new();
        private readonly SemaphoreSlim _answered = new(0);
        private Held? _next;
        private int _answers;

        public int Answers => Volatile.Read(ref _answers);
        public ConfigCopy? LastAnswer { get; private set; }

        public void Store(string id, long version, string greeting)
        {
            lock (_gate) _stored[id] = (version, SampleConfigs.Branch(id, greeting: greeting) with { Version = version });
        }

        public void Delete(string id, long version)
        {
            lock (_gate) _stored[id] = (version, null);
        }

        public (long Version, FlowConfig? Config) Snapshot(string id)
        {
            lock (_gate) return _stored.GetValueOrDefault(id);
        }

        public Held HoldNextAnswer() => _next = new Held();

        public async ValueTask<ConfigCopy> GetCopyAsync(string id, ServedVersion knownVersion)
        {
            var state = Snapshot(id);
            if (Interlocked.Exchange(ref _next, null) is { } held)
            {
                held.SignalAsked();
                state = await held.Released;
            }
            var answer = ConfigCopy.Of(ServedVersion.Of(state.Version), state.Config, knownVersion);
            LastAnswer = answer;
            Interlocked.Increment(ref _answers);
            _answered.Release();
            return answer;
        }

        public async Task WaitForAnswersAsync(int count)
        {
            while (Answers < count)
                Assert.True(await _answered.WaitAsync(TimeSpan.FromSeconds(10)), "the grain was never asked");
        }
    }

    private sealed class Held
    {
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<(long, FlowConfig?)> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Asked => _asked.Task;
        public Task<(long, FlowConfig?)> Released => _released.Task;
        public void SignalAsked() => _asked.TrySetResult();
        public void Release((long, FlowConfig?) state) => _released.TrySetResult(state);
    }
}
