using System.Text;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Calendars;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>
/// Replaces a calendar's events with those of an iCalendar file (what holiday calendars are published as), keeping
/// its description; a calendar that does not exist yet is created.
/// </summary>
internal static class CalendarImportEndpoint
{
    public const string MediaType = "text/calendar";

    /// <summary>A year of a country's holidays is a few kilobytes; a megabyte is room for decades of them.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public const string DescriptionIfNew = "Imported from an iCalendar file";

    public static async Task<Results<Created<Calendar>, Ok<Calendar>, BodyProblem, PreconditionFailedProblem, UnavailableProblem>> ImportAsync(
        CalendarId calendarId, HttpContext context, IGrainFactory grains, Principal caller)
    {
        if (!IsCalendar(context.Request.ContentType))
            return Problems.UnsupportedMediaType($"The body must be an iCalendar file (Content-Type: {MediaType}).");
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return (BodyProblem)badHeader;

        var (bytes, unreadable) = await CappedBody.ReadAsync(context.Request, MaxFileBytes);
        if (unreadable is not null) return unreadable;
        if (bytes!.WrittenCount == 0) return Problems.Body("body", "An iCalendar file is required.");
        if (JsonBody.InvalidUtf8At(bytes.WrittenSpan) is { } invalid)
            return Problems.Body("body", $"The file is not valid UTF-8 (byte {invalid + 1}).");

        var read = CalendarImport.Read(Encoding.UTF8.GetString(bytes.WrittenSpan));
        if (!read.IsValid) return Problems.BodyFields(read.Errors);
        var events = read.Value!;
        if (CalendarProblems.TooLarge(events) is { } tooLarge)
            return tooLarge;

        var outcome = await grains.GetGrain<ICalendarGrain>(calendarId.Value).ImportAsync(events, DescriptionIfNew, condition!, caller.Username);
        return CalendarEndpoints.Answer(calendarId, context, outcome);
    }

    private static bool IsCalendar(string? contentType) =>
        contentType?.Split(';')[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase) == true;
}
