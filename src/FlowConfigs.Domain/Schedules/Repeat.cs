using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using Period = NodaTime.Period;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// RFC 5545 RRULE values, parsed and evaluated by Ical.Net on floating (zone-less) local times: occurrences are wall-clock
/// starts, which the caller maps into a zone. That is what keeps a weekly 02:00 window at 02:00 across a DST change.
/// </summary>
internal static class Repeat
{
    /// <summary>
    /// More occurrences than this is not a schedule anyone maintains by hand, and COUNT rules are enumerated from their
    /// first occurrence (the count depends on every earlier one), so it also bounds the work per evaluation.
    /// </summary>
    public const int MaxCount = 5000;

    /// <summary>
    /// Consecutive empty periods Ical.Net may step through before giving up on a rule that never (or no longer) matches,
    /// e.g. FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30. 10,000 covers the rarest sensible rule (a daily rule for 29 February).
    /// </summary>
    private static readonly EvaluationOptions Options = new() { MaxUnmatchedIncrementsLimit = 10_000 };

    /// <summary>The rule, or a sentence saying what is wrong with it (naming <paramref name="what"/>, e.g. "Entry 'x': repeat").</summary>
    public static (RecurrenceRule? Rule, string? Problem) Parse(string text, string what)
    {
        if (text.Trim().Length == 0)
            return (null, $"{what} is empty; write a rule such as FREQ=WEEKLY;BYDAY=SU, or leave it out.");
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
            return (null, $"{what} starts with 'RRULE:'; write only the rule, such as FREQ=WEEKLY;BYDAY=SU.");
        // A rule with its own DTSTART (or several properties) would disagree with the window's start, which is the first occurrence.
        if (text.Contains("DTSTART", StringComparison.OrdinalIgnoreCase) || text.Any(char.IsControl) || text.Contains(':', StringComparison.Ordinal))
            return (null, $"{what} must be a single RRULE value such as FREQ=WEEKLY;BYDAY=SU; the window's start is its first occurrence.");

        if (!text.Contains("FREQ=", StringComparison.OrdinalIgnoreCase))
            return (null, $"{what} '{text}' has no FREQ; start it with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.");

        RecurrenceRule rule;
        try
        {
            rule = new RecurrenceRule(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return (null, $"{what} '{text}' is not a valid RRULE: {Sentence(e)}");
        }
        if (rule.Frequency is FrequencyType.Secondly or FrequencyType.Minutely)
            return (null, $"{what} repeats every second or minute; a schedule window repeats at most hourly.");
        if (rule.Count is { } count && (count < 1 || count > MaxCount))
            return (null, $"{what} has COUNT={count}; use 1 to {MaxCount}, or UNTIL.");
        if (rule.Until is { } until)
        {
            // Schedule times are floating local times; a UTC UNTIL would be read as a local clock time and mislead.
            if (until.IsUtc || !until.IsFloating)
                return (null, $"{what} has a UTC UNTIL; write it as a local time without 'Z', such as UNTIL=20271231T235959.");
            if (!until.HasTime)
                return (null, $"{what} has a date-only UNTIL; windows have a start time, so write a local date-time such as UNTIL=20271231T235959.");
        }
        return (rule, null);
    }

    /// <summary>Ical.Net's own explanation, without the parameter name .NET appends to argument exceptions.</summary>
    private static string Sentence(Exception e)
    {
        var message = e.Message;
        var parameter = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 ? message[..parameter] : message;
    }

    /// <summary>
    /// Occurrence starts of <paramref name="rule"/> from <paramref name="first"/> (DTSTART) that are at or after
    /// <paramref name="from"/>, in order. A rule that stops matching ends the sequence.
    /// </summary>
    /// <remarks>
    /// Ical.Net skips to <paramref name="from"/> one interval at a time, which for an hourly rule started decades ago is
    /// hundreds of thousands of steps per evaluation. So hourly, daily and weekly rules without COUNT are handed a later
    /// DTSTART, a whole number of intervals on: the only things such rules take from DTSTART are the interval grid,
    /// the time of day and (weekly) the weekday, and a whole-interval shift keeps all three, so the occurrences from
    /// there on are the same. Monthly and yearly rules take the day and month from DTSTART and step at most 12 times a
    /// year, so they keep theirs; COUNT rules must count from the real first occurrence (bounded by <see cref="MaxCount"/>).
    /// </remarks>
    public static IEnumerable<LocalDateTime> Starts(RecurrenceRule rule, LocalDateTime first, LocalDateTime from)
    {
        var reference = Advance(rule, first, from);
        var evaluator = new RecurrencePatternEvaluator(rule);
        var periods = evaluator.Evaluate(ToCal(reference), from > reference ? ToCal(from) : null, Options);
        using var enumerator = periods.GetEnumerator();
        while (true)
        {
            LocalDateTime start;
            try
            {
                if (!enumerator.MoveNext()) yield break;
                start = FromCal(enumerator.Current.StartTime);
            }
            catch (Exception e) when (e is EvaluationException or ArgumentOutOfRangeException or OverflowException)
            {
                // The limit above was hit, or the dates ran past what DateTime holds: there is no further occurrence.
                yield break;
            }
            if (start >= from) yield return start;
        }
    }

    /// <summary>DTSTART moved on by whole intervals to at least one interval before <paramref name="from"/>, where that is safe (see <see cref="Starts"/>).</summary>
    private static LocalDateTime Advance(RecurrenceRule rule, LocalDateTime first, LocalDateTime from)
    {
        if (rule.Count is not null || from <= first) return first;
        long unitSeconds = rule.Frequency switch
        {
            FrequencyType.Hourly => 3600,
            FrequencyType.Daily => 86_400,
            FrequencyType.Weekly => 604_800,
            _ => 0,
        };
        if (unitSeconds == 0) return first;
        // Floating local times have no DST: every hour, day and week on this timeline is the same length.
        var step = unitSeconds * rule.Interval;
        var intervals = Period.Between(first, from, PeriodUnits.Seconds).Seconds / step - 1;
        return intervals > 0 ? first.PlusSeconds(intervals * step) : first;
    }

    private static CalDateTime ToCal(LocalDateTime local) =>
        new(new DateOnly(local.Year, local.Month, local.Day), new TimeOnly(local.Hour, local.Minute, local.Second), null);

    private static LocalDateTime FromCal(CalDateTime value) =>
        LocalDateTime.FromDateTime(value.Value);
}
