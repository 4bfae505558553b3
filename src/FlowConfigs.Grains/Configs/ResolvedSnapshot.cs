using System.Collections.Concurrent;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// One acknowledged config, with the calendars its schedule references, and the resolved maps of the stretch of time
/// its schedule is in now, built lazily per (language, channel, fallback locale). A read costs a dictionary lookup
/// and, for a scheduled config, one comparison with the instant the stretch ends. The schedule's rules never run on a
/// caller's path once the first stretch is known: each stretch has the one after it worked out in the background as
/// soon as it starts, and at the boundary the first reader only swaps it in. The owner's boundary timer usually gets
/// there first (<see cref="AdvanceIfDue"/>) and also builds the maps in use, so callers find them ready.
/// </summary>
internal sealed class ResolvedSnapshot
{
    private readonly FlowConfig _config;
    private readonly IReadOnlyDictionary<string, Calendar> _calendars;
    private readonly TimeProvider _clock;
    private readonly bool _scheduled;
    private readonly Lock _advancing = new();
    private volatile Stretch? _current;

    public ResolvedSnapshot(FlowConfig config, IReadOnlyDictionary<string, Calendar> calendars, TimeProvider clock)
    {
        _config = config;
        _calendars = calendars;
        _clock = clock;
        _scheduled = config.Schedule is { Count: > 0 };
        // Unscheduled: one stretch forever, whatever the zone.
        if (!_scheduled) _current = new Stretch(config, [], long.MinValue, long.MaxValue, zone: null);
    }

    public FlowConfig Config => _config;

    public IReadOnlyDictionary<string, Calendar> Calendars => _calendars;

    public ResolvedConfig Resolve(string language, ContactChannel channel, ResolveDefaults defaults) =>
        Current(defaults.TimeZone).Resolve(language, channel, defaults.FallbackLocale);

    /// <summary>The stretch in effect now when the config's own zone is unset and the settings say <paramref name="defaultZone"/>.</summary>
    public Stretch Current(string defaultZone)
    {
        var current = _current;
        if (current is not null && (!_scheduled || (_clock.GetUtcNow().UtcTicks < current.UntilTicks && current.Fits(defaultZone))))
            return current;
        return Advance(defaultZone, prebuild: false);
    }

    /// <summary>
    /// For the owner's boundary timer: moves to the stretch now in effect (in the zone last asked for) and builds its
    /// maps for the languages and channels the last stretch had served. Returns the stretch now in effect.
    /// </summary>
    public Stretch AdvanceIfDue(string defaultZone)
    {
        var current = _current;
        if (current is not null && _clock.GetUtcNow().UtcTicks < current.UntilTicks && current.Fits(defaultZone))
            return current;
        return Advance(defaultZone, prebuild: true);
    }

    private Stretch Advance(string defaultZone, bool prebuild)
    {
        lock (_advancing)
        {
            var before = _current;
            var now = _clock.GetUtcNow();
            if (before is not null && now.UtcTicks < before.UntilTicks && before.Fits(defaultZone))
                return before;
            var next = before?.Following is { } following && following.Fits(defaultZone)
                                                             && following.FromTicks <= now.UtcTicks && now.UtcTicks < following.UntilTicks
                ? following
                : Evaluate(now, defaultZone);
            if (prebuild && before is not null)
                foreach (var (language, channel, fallback) in before.Served)
                    next.Resolve(language, channel, fallback);
            _current = next;
            PrepareFollowing(next, defaultZone);
            return next;
        }
    }

    private Stretch Evaluate(DateTimeOffset at, string defaultZone)
    {
        var state = ScheduleEvaluator.At(_config, defaultZone, _calendars, at);
        return new Stretch(state.Effective, state.Active, at.UtcTicks, state.Until?.UtcTicks ?? long.MaxValue, _config.TimeZone is null ? defaultZone : null);
    }

    /// <summary>Works out the stretch after <paramref name="stretch"/> on the thread pool, for the boundary to swap in.</summary>
    private void PrepareFollowing(Stretch stretch, string defaultZone)
    {
        if (stretch.Until is not { } until) return;
        _ = Task.Run(() => stretch.Following = Evaluate(until, defaultZone));
    }

    /// <summary>A stretch of time in which the same schedule entries are active, and its maps.</summary>
    /// <param name="zone">The default zone it was worked out in; null when it does not depend on one.</param>
    internal sealed class Stretch(FlowConfig effective, IReadOnlyList<string> active, long fromTicks, long untilTicks, string? zone)
    {
        // Languages come from callers; bound the cache so odd requests cannot grow it without limit.
        private const int MaxCachedMaps = 64;

        private readonly ConcurrentDictionary<(string Language, ContactChannel Channel, string? Fallback), ResolvedConfig> _maps = new();

        public IReadOnlyList<string> Active => active;

        /// <summary>When it was worked out for (its start, or a moment inside it), in UTC ticks.</summary>
        public long FromTicks => fromTicks;

        /// <summary>The stretch that starts when this one ends, once the background has worked it out.</summary>
        public volatile Stretch? Following;

        /// <summary>When it ends, in UTC ticks; <see cref="long.MaxValue"/> when it never does.</summary>
        public long UntilTicks => untilTicks;

        public DateTimeOffset? Until => untilTicks == long.MaxValue ? null : new DateTimeOffset(untilTicks, TimeSpan.Zero);

        public bool Fits(string defaultZone) => zone is null || string.Equals(zone, defaultZone, StringComparison.Ordinal);

        public ICollection<(string Language, ContactChannel Channel, string? Fallback)> Served => _maps.Keys;

        public ResolvedConfig Resolve(string language, ContactChannel channel, string? fallbackLocale)
        {
            var key = (language, channel, fallbackLocale);
            if (_maps.TryGetValue(key, out var resolved))
                return resolved;
            var gaps = ConfigResolver.Gaps(effective, language, fallbackLocale);
            resolved = new ResolvedConfig(ConfigResolver.ResolveUtf8(effective, language, channel, fallbackLocale))
            {
                MissingPrompts = gaps.MissingPrompts,
                UsedFallback = gaps.UsedFallback,
            };
            return _maps.Count < MaxCachedMaps ? _maps.GetOrAdd(key, resolved) : resolved;
        }
    }
}
