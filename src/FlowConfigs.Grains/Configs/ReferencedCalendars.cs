using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Grains.Calendars;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// The calendars a config's schedule references, as its grain last read them: those that exist, every one's stored
/// version (a deleted one's too, so what the config serves only moves forward), and those whose last read failed,
/// which keep their last known state (none: empty) until a retry reads them. Immutable: a read makes a new one.
/// </summary>
internal sealed class ReferencedCalendars
{
    public static readonly ReferencedCalendars None = new(new Dictionary<string, Calendar>(), new Dictionary<string, long>(), new HashSet<string>());

    private readonly IReadOnlyDictionary<string, long> _versions;
    private readonly IReadOnlySet<string> _unread;

    private ReferencedCalendars(IReadOnlyDictionary<string, Calendar> existing, IReadOnlyDictionary<string, long> versions, IReadOnlySet<string> unread)
    {
        Existing = existing;
        ForCopy = existing.Count == 0 ? null : [.. existing.Values];
        _versions = versions;
        _unread = unread;
    }

    /// <summary>The referenced calendars that exist, by id.</summary>
    public IReadOnlyDictionary<string, Calendar> Existing { get; }

    /// <summary>The existing calendars as a read copy carries them (null when none), built once per read of them.</summary>
    public Calendar[]? ForCopy { get; }

    /// <summary>The sum of every referenced calendar's stored version: the calendar part of what the config serves.</summary>
    public long VersionSum => _versions.Values.Sum();

    /// <summary>Whether a calendar could not be read and must be asked again.</summary>
    public bool AnyUnread => _unread.Count > 0;

    public static IReadOnlyCollection<string> IdsOf(FlowConfig? config) =>
        config?.Schedule is { Count: > 0 } schedule
            ? schedule.Select(e => e.Calendar).OfType<string>().Distinct(StringComparer.Ordinal).ToArray()
            : [];

    public static bool Referenced(FlowConfig? config, string calendarId) =>
        config?.Schedule?.Any(e => string.Equals(e.Calendar, calendarId, StringComparison.Ordinal)) == true;

    /// <summary>
    /// The calendars <paramref name="config"/> references: those held are kept, the others, <paramref name="reload"/>
    /// and any whose last read failed are read from their grains. <paramref name="unreadable"/> hears of each failure.
    /// </summary>
    public async Task<ReferencedCalendars> ReadAsync(IGrainFactory grains, FlowConfig? config, string? reload, Action<string, Exception> unreadable)
    {
        var wanted = IdsOf(config);
        if (wanted.Count == 0) return None;
        var existing = new Dictionary<string, Calendar>(StringComparer.Ordinal);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var unread = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in wanted)
        {
            var held = id != reload && !_unread.Contains(id) && _versions.ContainsKey(id);
            if (!held)
            {
                try
                {
                    var (version, calendar) = await grains.GetGrain<ICalendarGrain>(id).GetVersionedAsync();
                    versions[id] = version;
                    if (calendar is not null) existing[id] = calendar;
                    continue;
                }
                catch (Exception exception) when (exception is OrleansException or TimeoutException)
                {
                    unread.Add(id);
                    unreadable(id, exception);
                }
            }
            if (_versions.TryGetValue(id, out var known)) versions[id] = known;
            if (Existing.TryGetValue(id, out var calendarHeld)) existing[id] = calendarHeld;
        }
        return new ReferencedCalendars(existing, versions, unread);
    }
}
