using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Usage;
using FlowConfigs.Grains.Configs;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Usage;

/// <summary>
/// This task's GetConfig reads since the last flush, counted on the caller's path: a dictionary lookup on a struct key
/// and interlocked increments, with no lock and no allocation once a (config, language, channel, day) has been seen.
/// What a map lacked (fallback, missing prompts) was worked out when it was resolved, so counting it is a flag test
/// and, for a prompt missing in the language, one more lookup. Ids no config has go to a bounded tally instead.
/// </summary>
public sealed class UsageCounters
{
    /// <summary>The channels' names as counted, allocated once.</summary>
    private static readonly string[] ChannelNames = ["voice", "chat", "task", "email"];

    private readonly ConcurrentDictionary<Key, Counter> _counters = new();
    private readonly UnknownIdTally _unknown;
    private readonly TimeProvider _clock;
    private readonly int _maxCounters;
    private readonly bool _enabled;
    private List<(Key Key, Counter Counter)> _retired = [];
    private int _count;

    public UsageCounters(IOptions<UsageOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _maxCounters = options.Value.MaxCounters;
        _enabled = options.Value.Enabled;
        _unknown = new UnknownIdTally(options.Value.MaxUnknownIds);
    }

    /// <summary>Unknown ids tracked now (at most <see cref="UsageOptions.MaxUnknownIds"/>).</summary>
    public int UnknownIdsTracked => _unknown.Count;

    /// <summary>Counts one GetConfig answer: <paramref name="resolved"/> null means no config has <paramref name="id"/>.</summary>
    public void Record(string id, string language, ConnectChannel channel, ResolvedConfig? resolved)
    {
        if (!_enabled) return;
        var now = _clock.GetUtcNow().UtcTicks;
        if (resolved is null)
        {
            _unknown.Record(id, now);
            return;
        }
        var key = new Key(id, language, channel, (int)(now / TimeSpan.TicksPerDay));
        if (!_counters.TryGetValue(key, out var counter))
            counter = Admit(key);
        Interlocked.Increment(ref counter.Reads);
        if (resolved.UsedFallback) Interlocked.Increment(ref counter.Fallback);
        foreach (var prompt in resolved.MissingPrompts)
            counter.CountMissing(prompt, 1);
        // A racing older timestamp may win by nanoseconds; last-read is shown to the second.
        if (now > Volatile.Read(ref counter.LastTicks)) Volatile.Write(ref counter.LastTicks, now);
    }

    private Counter Admit(Key key)
    {
        // Languages come from callers: past the cap, languages not seen yet share one counter per config and day.
        if (Volatile.Read(ref _count) >= _maxCounters)
            key = key with { Language = UsageDay.OtherLanguage };
        var created = new Counter();
        var counter = _counters.GetOrAdd(key, created);
        if (ReferenceEquals(counter, created)) Interlocked.Increment(ref _count);
        return counter;
    }

    /// <summary>
    /// Takes every count made since the last drain: each read lands in exactly one drain. Counters of a day gone by are
    /// removed (no read is counted on them once the day has changed) and taken once more by the next drain, for a read
    /// that was being counted at midnight. Today's counters stay, idle or not: removing one a reader is about to count
    /// on would lose that read.
    /// </summary>
    public UsageDrain Drain()
    {
        var today = (int)(_clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerDay);
        var counts = new List<(string Id, UsageCount Count)>();
        var retiring = new List<(Key, Counter)>();
        foreach (var (key, counter) in _retired)
            Take(key, counter, counts);
        foreach (var (key, counter) in _counters)
        {
            Take(key, counter, counts);
            if (key.Day < today)
            {
                if (_counters.TryRemove(new KeyValuePair<Key, Counter>(key, counter)))
                {
                    Interlocked.Decrement(ref _count);
                    retiring.Add((key, counter));
                }
            }
        }
        _retired = retiring;
        return new UsageDrain(counts, _unknown.Drain());
    }

    /// <summary>Puts back counts a flush could not hand on, to go with the next one.</summary>
    public void Restore(UsageDrain drain)
    {
        foreach (var (id, count) in drain.Counts)
        {
            var key = new Key(id, count.Language, ChannelOf(count.Channel), count.Day.DayNumber);
            var counter = _counters.TryGetValue(key, out var known) ? known : Admit(key);
            Interlocked.Add(ref counter.Reads, count.Reads);
            Interlocked.Add(ref counter.Fallback, count.Fallback);
            foreach (var (prompt, reads) in count.MissingPrompts)
                counter.CountMissing(prompt, reads);
            var ticks = count.LastReadAt.UtcTicks;
            if (ticks > Volatile.Read(ref counter.LastTicks)) Volatile.Write(ref counter.LastTicks, ticks);
        }
        foreach (var unknown in drain.UnknownIds)
            _unknown.Record(unknown.Id, unknown.Reads, unknown.LastReadAt.UtcTicks);
    }

    private static ConnectChannel ChannelOf(string name) => (ConnectChannel)Array.IndexOf(ChannelNames, name);

    private static void Take(Key key, Counter counter, List<(string, UsageCount)> counts)
    {
        var reads = Interlocked.Exchange(ref counter.Reads, 0);
        var fallback = Interlocked.Exchange(ref counter.Fallback, 0);
        Dictionary<string, long>? missing = null;
        if (counter.Missing is { } prompts)
            foreach (var (prompt, box) in prompts)
                if (Interlocked.Exchange(ref box.Value, 0) is var n and > 0)
                    (missing ??= new(StringComparer.Ordinal))[prompt] = n;
        if (reads == 0 && fallback == 0 && missing is null) return;
        counts.Add((key.Id, new UsageCount(DateOnly.FromDayNumber(key.Day), key.Language, ChannelNames[(int)key.Channel], reads, fallback,
            new DateTimeOffset(Volatile.Read(ref counter.LastTicks), TimeSpan.Zero))
        {
            MissingPrompts = missing ?? (IReadOnlyDictionary<string, long>)EmptyMissing,
        }));
    }

    private static readonly Dictionary<string, long> EmptyMissing = new();

    /// <summary><see cref="Day"/> is the UTC day's <see cref="DateOnly.DayNumber"/> (days since 0001-01-01, as ticks count).</summary>
    private readonly record struct Key(string Id, string Language, ConnectChannel Channel, int Day);

    private sealed class Counter
    {
        public long Reads;
        public long Fallback;
        public long LastTicks;
        public ConcurrentDictionary<string, StrongBox<long>>? Missing;

        public void CountMissing(string prompt, long reads)
        {
            var prompts = Missing ?? Interlocked.CompareExchange(ref Missing, new(StringComparer.Ordinal), null) ?? Missing!;
            if (!prompts.TryGetValue(prompt, out var box))
                box = prompts.GetOrAdd(prompt, _ => new StrongBox<long>());
            Interlocked.Add(ref box.Value, reads);
        }
    }
}

/// <summary>What one drain took: counts per config id, and unknown ids.</summary>
public sealed record UsageDrain(IReadOnlyList<(string Id, UsageCount Count)> Counts, IReadOnlyList<UnknownIdCount> UnknownIds)
{
    public bool IsEmpty => Counts.Count == 0 && UnknownIds.Count == 0;
}
