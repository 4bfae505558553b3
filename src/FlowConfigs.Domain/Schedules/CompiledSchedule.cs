using FlowConfigs.Domain.Configs;
using NodaTime;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// A config's schedule with its strings parsed once: each entry as the windows that make it active (its own window, or
/// every event of its calendar), all read in one zone.
/// </summary>
internal sealed class CompiledSchedule
{
    /// <summary>
    /// How far ahead a search for the next change goes. A rule that keeps an entry active for longer (or starts nothing
    /// sooner) yields this horizon as the next "change": the caller re-evaluates then and gets the same state, so the
    /// only cost is one extra evaluation per 400 days, and no search runs unbounded.
    /// </summary>
    public static readonly Duration Horizon = Duration.FromDays(400);

    private readonly (ScheduleEntry Entry, Window[] Windows)[] _entries;

    public DateTimeZone Zone { get; }

    private CompiledSchedule(DateTimeZone zone, (ScheduleEntry, Window[])[] entries)
    {
        Zone = zone;
        _entries = entries;
    }

    public static CompiledSchedule Compile(FlowConfig config, string defaultZone, IReadOnlyDictionary<string, Calendar> calendars)
    {
        var zone = TimeZones.Find(config.TimeZone ?? defaultZone);
        // Entries naming the same calendar share its compiled windows (and, in StateAt, its state).
        var calendarWindows = new Dictionary<string, Window[]>(StringComparer.Ordinal);
        var entries = config.Schedule!.Select(entry => (entry, entry.Calendar is { } id
            ? calendarWindows.TryGetValue(id, out var shared) ? shared : calendarWindows[id] = WindowsOf(entry, calendars)
            : WindowsOf(entry, calendars))).ToArray();
        return new CompiledSchedule(zone, entries);
    }

    /// <summary>Stored documents were validated on write; anything that no longer compiles simply never activates.</summary>
    private static Window[] WindowsOf(ScheduleEntry entry, IReadOnlyDictionary<string, Calendar> calendars)
    {
        if (entry.Calendar is not null)
            return calendars.TryGetValue(entry.Calendar, out var calendar)
                ? calendar.Events.Select(e => Window.Compile(e.Start, e.End, e.Repeat, e.Name)).OfType<Window>().ToArray()
                : [];
        return Window.Compile(entry.Start, entry.End, entry.Repeat, entry.Name) is { } window ? [window] : [];
    }

    /// <summary>Which entries are active at <paramref name="at"/> (schedule order) and when that set next changes (null: never).</summary>
    public (List<ScheduleEntry> Active, Instant? Until) StateAt(Instant at)
    {
        var active = new List<ScheduleEntry>();
        Instant? until = null;
        var horizon = at + Horizon;
        Dictionary<Window[], (bool, Instant?)>? calendarStates = null;
        foreach (var (entry, windows) in _entries)
        {
            (bool, Instant?) state;
            if (entry.Calendar is null)
                state = EntryStateAt(windows, at, horizon);
            else if (!(calendarStates ??= new(ReferenceEqualityComparer.Instance)).TryGetValue(windows, out state))
                calendarStates[windows] = state = EntryStateAt(windows, at, horizon);
            var (isActive, change) = state;
            if (isActive) active.Add(entry);
            if (change is { } c && (until is null || c < until)) until = c;
        }
        return (active, until);
    }

    /// <summary>
    /// Walks the entry's occurrences in start order: while active, the change is the end of the run of overlapping or
    /// touching occurrences covering <paramref name="at"/>; while inactive, the next start.
    /// </summary>
    private (bool Active, Instant? Change) EntryStateAt(Window[] windows, Instant at, Instant horizon)
    {
        if (windows.Length == 0) return (false, null);
        Instant? cover = null;
        foreach (var (start, end) in InStartOrder(windows, at))
        {
            if (cover is null)
            {
                if (start > at) return (false, start > horizon ? horizon : start);
                cover = end;
            }
            else if (start <= cover.Value)
            {
                if (end > cover.Value) cover = end;
            }
            else
            {
                break;
            }
            if (cover.Value >= horizon) return (true, horizon);
        }
        return cover is null ? (false, null) : (true, cover);
    }

    /// <summary>The occurrences of all <paramref name="windows"/> ending after <paramref name="at"/>, merged by start.</summary>
    private IEnumerable<(Instant Start, Instant End)> InStartOrder(Window[] windows, Instant at)
    {
        if (windows.Length == 1)
        {
            foreach (var interval in windows[0].Intervals(Zone, at))
                yield return interval;
            yield break;
        }
        var heads = new PriorityQueue<IEnumerator<(Instant Start, Instant End)>, Instant>();
        try
        {
            foreach (var window in windows)
            {
                var enumerator = window.Intervals(Zone, at).GetEnumerator();
                if (enumerator.MoveNext()) heads.Enqueue(enumerator, enumerator.Current.Start);
                else enumerator.Dispose();
            }
            while (heads.TryDequeue(out var head, out _))
            {
                yield return head.Current;
                if (head.MoveNext()) heads.Enqueue(head, head.Current.Start);
                else head.Dispose();
            }
        }
        finally
        {
            while (heads.TryDequeue(out var head, out _)) head.Dispose();
        }
    }
}
