using System.Text.Json;
using FlowConfigs.Domain;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>The calendar routes' own sentences for the shared problem types.</summary>
internal static class CalendarProblems
{
    public static NotFoundProblem NotFound(CalendarId id) => Problems.NotFound($"Calendar {id.Value} not found.");

    public static PreconditionFailedProblem VersionConflict(long current) =>
        Problems.PreconditionFailed(current == 0
            ? "The precondition failed: the calendar does not exist."
            : $"The precondition failed: the calendar is at version {current}. Reload, reapply your change and save again.");

    /// <summary>What a calendar holds besides its events (id, description, who and when), at the most.</summary>
    private const int MaxRestBytes = 2 * 1024;

    /// <summary>413 when a calendar with these events might not fit one stored document.</summary>
    public static BodyProblem? TooLarge(IReadOnlyList<CalendarEvent> events)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(events, DomainJson.Options).Length + MaxRestBytes;
        return bytes <= CalendarsApi.MaxStoredBytes ? null : Problems.Body("events",
            $"The calendar is {bytes:N0} bytes as stored; at most {CalendarsApi.MaxStoredBytes:N0} fit. Split its events over several calendars.",
            StatusCodes.Status413PayloadTooLarge);
    }
}
