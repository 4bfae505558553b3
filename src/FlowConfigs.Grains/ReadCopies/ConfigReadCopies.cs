using System.Collections.Concurrent;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Configs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.ReadCopies;

/// <summary>Where a GetConfig answer came from: this silo's activation, this silo's read copy, or a grain call.</summary>
public enum ResolvedSource { Local, Copy, Grain }

/// <summary>A resolved map (null: no such config) and where it came from.</summary>
public readonly record struct ResolvedRead(ResolvedConfig? Config, ResolvedSource Source);

/// <summary>
/// GetConfig answered from this silo's memory whichever silo hosts the config's activation. The hosting silo's own
/// snapshot (<see cref="LocalResolvedConfigs"/>) comes first; otherwise this silo's read copy of the config, fetched
/// from the grain the first time it is asked for and kept per version. Every acknowledged write and every activation
/// announces the config's version to all silos (<see cref="ConfigChanges"/>), which drop and re-fetch older copies.
/// Versions only move forward here: each config has a watermark, the newest version this silo has announced to it or
/// served, and a copy older than that is never cached (a fetch that races a change is asked again). A silo that missed
/// an announcement re-checks any copy it serves after <see cref="ReadCopyOptions.RevalidateAfter"/>.
/// </summary>
public sealed partial class ConfigReadCopies : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LocalResolvedConfigs _local;
    private readonly IConfigCopySource _source;
    private readonly ReadCopyOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ITimer _sweeper;
    private readonly long _revalidateTicks, _idleTicks, _touchTicks;
    private int _count;

    public ConfigReadCopies(LocalResolvedConfigs local, IConfigCopySource source, IOptions<ReadCopyOptions> options, TimeProvider clock,
        ILogger<ConfigReadCopies> logger)
    {
        _local = local;
        _source = source;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _revalidateTicks = Ticks(_options.RevalidateAfter);
        _idleTicks = Ticks(_options.IdleAfter);
        // Recording every hit would make every core write the same cache line; a second is precise enough for eviction.
        _touchTicks = Ticks(TimeSpan.FromSeconds(1));
        _sweeper = clock.CreateTimer(_ => Sweep(), null, _options.SweepEvery, _options.SweepEvery);
    }

    /// <summary>Configs this silo holds a copy of, or is fetching.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Reads answered from this silo's memory (activation or copy) and by a grain call, for the cluster view.</summary>
    public ReadTally Reads { get; } = new();

    /// <summary>Completes synchronously whenever this silo holds the answer.</summary>
    public ValueTask<ResolvedRead> ReadAsync(string id, string language, ContactChannel channel, ResolveDefaults defaults)
    {
        if (_local.TryGet(id, language, channel, defaults, out var local))
        {
            Reads.Hit();
            return ValueTask.FromResult(new ResolvedRead(local, ResolvedSource.Local));
        }
        if (_entries.TryGetValue(id, out var entry) && entry.Current is { } copy)
        {
            Touch(id, entry, copy);
            Reads.Hit();
            return ValueTask.FromResult(new ResolvedRead(copy.Resolve(language, channel, defaults), ResolvedSource.Copy));
        }
        Reads.Miss();
        return FetchAsync(id, language, channel, defaults);
    }

    /// <summary>
    /// A silo announced <paramref name="version"/> of <paramref name="id"/> as acknowledged. An older copy is dropped
    /// at once and, if it is in use, fetched again in the background.
    /// </summary>
    public void Changed(string id, ServedVersion version)
    {
        // A config never asked for here has nothing to protect; its first fetch reads the grain's current version.
        if (!_entries.TryGetValue(id, out var entry)) return;
        var now = _clock.GetTimestamp();
        bool refetch;
        lock (entry.Gate)
        {
            entry.Watermark = ServedVersion.Max(entry.Watermark, version);
            var held = entry.Current;
            if (held is not null && held.Version == version)
                entry.Current = held.Revalidated(now);
            refetch = held is not null && held.Version < version;
            if (refetch) entry.Current = null;
        }
        // Off the announcing call: the fetch waits for the grain, and the grain may be waiting for this announcement.
        if (refetch && now - entry.LastUsed < _revalidateTicks)
            _ = Task.Run(() => RefreshAsync(id, entry));
    }

    private async Task RefreshAsync(string id, Entry entry)
    {
        try
        {
            await FetchSharedAsync(id, entry);
        }
        catch (Exception exception)
        {
            // Nothing is served stale meanwhile: the next GetConfig fetches for itself.
            LogRefreshFailed(_logger, exception, id);
        }
    }

    private async ValueTask<ResolvedRead> FetchAsync(string id, string language, ContactChannel channel, ResolveDefaults defaults)
    {
        var copy = Admit(id) is { } entry ? await FetchSharedAsync(id, entry) : await FetchUncachedAsync(id);
        return new ResolvedRead(copy.Resolve(language, channel, defaults), ResolvedSource.Grain);
    }

    private Entry? Admit(string id)
    {
        if (_entries.TryGetValue(id, out var entry)) return entry;
        // Past the cap new ids are answered without a copy until the sweep makes room.
        if (Volatile.Read(ref _count) >= _options.MaxConfigs) return null;
        var created = new Entry(_clock.GetTimestamp());
        if (_entries.TryAdd(id, created))
        {
            Interlocked.Increment(ref _count);
            return created;
        }
        return _entries.TryGetValue(id, out entry) ? entry : null;
    }

    /// <summary>One fetch per config at a time; callers arriving meanwhile share its answer.</summary>
    private async Task<Copy> FetchSharedAsync(string id, Entry entry)
    {
        Task<Copy> running;
        TaskCompletionSource<Copy>? mine = null;
        lock (entry.Gate)
        {
            if (entry.Fetching is { } inFlight)
                running = inFlight;
            else
            {
                mine = new TaskCompletionSource<Copy>(TaskCreationOptions.RunContinuationsAsynchronously);
                entry.Fetching = running = mine.Task;
            }
        }
        if (mine is null) return await running;

        try
        {
            var copy = await FetchIntoAsync(id, entry);
            EndFetch(entry, mine.Task);
            mine.SetResult(copy);
            return copy;
        }
        catch (Exception exception)
        {
            EndFetch(entry, mine.Task);
            mine.SetException(exception);
            _ = mine.Task.Exception; // observed here; callers that shared it see it too
            throw;
        }
    }

    private static void EndFetch(Entry entry, Task<Copy> fetch)
    {
        lock (entry.Gate)
            if (entry.Fetching == fetch) entry.Fetching = null;
    }

    private async Task<Copy> FetchIntoAsync(string id, Entry entry)
    {
        for (var attempt = 1; ; attempt++)
        {
            var copy = ToCopy(await _source.GetCopyAsync(id, ServedVersion.NothingHeld));
            if (Accept(entry, copy) is { } accepted)
            {
                // An id nobody stored keeps no entry; a deleted one does, so its versions cannot go back.
                if (accepted.Version.Config == 0) Remove(id, entry);
                return accepted;
            }
            if (attempt == 2)
            {
                // Asked again after the newer version was announced and the grain still answers older: storage
                // itself went back. The grain's answer is the truth now; it is served, never kept.
                LogOlderThanKnown(_logger, id, copy.Version);
                return copy;
            }
        }
    }

    private async Task<Copy> FetchUncachedAsync(string id) => ToCopy(await _source.GetCopyAsync(id, ServedVersion.NothingHeld));

    /// <summary>The watermark rule: the copy to answer with, or null when <paramref name="copy"/> is older than a version this silo knows.</summary>
    private Copy? Accept(Entry entry, Copy copy)
    {
        lock (entry.Gate)
        {
            if (copy.Version < entry.Watermark) return null;
            entry.Watermark = copy.Version;
            if (entry.Current is { } held && held.Version >= copy.Version) return held;
            if (copy.Version.Config > 0) entry.Current = copy;
            return copy;
        }
    }

    private void Touch(string id, Entry entry, Copy copy)
    {
        var now = _clock.GetTimestamp();
        if (now - entry.LastUsed >= _touchTicks) entry.LastUsed = now;
        if (now - copy.ValidatedAt >= _revalidateTicks && Interlocked.Exchange(ref entry.Revalidating, 1) == 0)
            _ = Task.Run(() => RevalidateAsync(id, entry, copy));
    }

    /// <summary>Asks the grain whether <paramref name="copy"/> is still current; the copy keeps serving meanwhile.</summary>
    private async Task RevalidateAsync(string id, Entry entry, Copy copy)
    {
        try
        {
            var answer = await _source.GetCopyAsync(id, copy.Version);
            if (answer.Unchanged)
            {
                lock (entry.Gate)
                    if (entry.Current == copy) entry.Current = copy.Revalidated(_clock.GetTimestamp());
            }
            else if (Accept(entry, ToCopy(answer)) is null)
            {
                LogOlderThanKnown(_logger, id, answer.Version);
            }
        }
        catch (Exception exception)
        {
            LogRevalidationFailed(_logger, exception, id);
        }
        finally
        {
            Volatile.Write(ref entry.Revalidating, 0);
        }
    }

    private Copy ToCopy(ConfigCopy answer) =>
        new(answer.Version, answer.Config is null ? null : new ResolvedSnapshot(answer.Config, CalendarsOf(answer.Calendars), _clock),
            _clock.GetTimestamp());

    private static IReadOnlyDictionary<string, Calendar> CalendarsOf(Calendar[]? calendars) =>
        calendars is null or { Length: 0 } ? NoCalendars : calendars.ToDictionary(c => c.Id, StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, Calendar> NoCalendars = new Dictionary<string, Calendar>();

    /// <summary>Drops copies idle past <see cref="ReadCopyOptions.IdleAfter"/>, then the least recently used while over 90 % of the cap.</summary>
    internal void Sweep()
    {
        var now = _clock.GetTimestamp();
        foreach (var (id, entry) in _entries)
            if (now - entry.LastUsed >= _idleTicks && entry.Fetching is null)
                Remove(id, entry);

        if (Count <= _options.MaxConfigs * 9L / 10) return;
        var keep = (int)(_options.MaxConfigs * 3L / 4);
        foreach (var (id, entry) in _entries.ToArray().OrderBy(e => e.Value.LastUsed).Take(Math.Max(0, Count - keep)))
            Remove(id, entry);
    }

    private void Remove(string id, Entry entry)
    {
        if (_entries.TryRemove(KeyValuePair.Create(id, entry)))
            Interlocked.Decrement(ref _count);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);

    public void Dispose() => _sweeper.Dispose();

    /// <summary>One version of a config as this silo holds it; <see cref="Snapshot"/> is null for a deleted config.</summary>
    private sealed class Copy(ServedVersion version, ResolvedSnapshot? snapshot, long validatedAt)
    {
        public ServedVersion Version => version;
        public long ValidatedAt => validatedAt;
        public ResolvedConfig? Resolve(string language, ContactChannel channel, ResolveDefaults defaults) =>
            snapshot?.Resolve(language, channel, defaults);
        public Copy Revalidated(long at) => new(version, snapshot, at);
    }

    private sealed class Entry(long created)
    {
        public readonly Lock Gate = new();
        /// <summary>The newest version announced to or served by this silo. Guarded by <see cref="Gate"/>.</summary>
        public ServedVersion Watermark = ServedVersion.NothingHeld;
        /// <summary>Written under <see cref="Gate"/>, read without it; null when none is held or it went stale.</summary>
        public volatile Copy? Current;
        /// <summary>Guarded by <see cref="Gate"/>.</summary>
        public Task<Copy>? Fetching;
        /// <summary>Written without a lock: it only orders eviction.</summary>
        public long LastUsed = created;
        public int Revalidating;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow config {Id}: the grain answered version {Version}, older than one this silo already knows")]
    private static partial void LogOlderThanKnown(ILogger logger, string id, ServedVersion version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow config {Id}: re-checking the read copy failed; it keeps serving and is checked again on next use")]
    private static partial void LogRevalidationFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow config {Id}: fetching the changed config failed; the next GetConfig fetches it")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string id);
}
