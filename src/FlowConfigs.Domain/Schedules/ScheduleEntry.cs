using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// One time-based override: a window (<see cref="Start"/> + <see cref="End"/>, local wall-clock times in the config's
/// zone, optionally repeated by an RFC 5545 RRULE) or every event of a shared <see cref="Calendar"/>. While active it
/// replaces the values of the variables and the prompt languages it names.
/// </summary>
public sealed record ScheduleEntry
{
    public required string Name { get; init; }
    /// <summary><c>yyyy-MM-ddTHH:mm</c> or <c>yyyy-MM-ddTHH:mm:ss</c>, no offset.</summary>
    public string? Start { get; init; }
    public string? End { get; init; }
    /// <summary>An RRULE value such as <c>FREQ=WEEKLY;BYDAY=SU</c>; each occurrence keeps the local start and length.</summary>
    public string? Repeat { get; init; }
    /// <summary>The id of a calendar, instead of Start/End.</summary>
    public string? Calendar { get; init; }
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
    /// <summary>Prompt name → language code → text; only the languages named are replaced.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, PromptText>>? Prompts { get; init; }
}
