using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>Read, save and delete one calendar; the route group's filter has already checked the id and the caller.</summary>
internal static class CalendarEndpoints
{
    public static async Task<Results<Ok<Calendar>, StatusCodeHttpResult, NotFoundProblem>> GetAsync(
        CalendarId calendarId, HttpContext context, IGrainFactory grains)
    {
        var calendar = await grains.GetGrain<ICalendarGrain>(calendarId.Value).GetAsync();
        if (calendar is null) return CalendarProblems.NotFound(calendarId);

        context.Response.Headers.ETag = Preconditions.ETagFor(calendar.Version);
        if (Preconditions.NoneMatchHits(context.Request, calendar.Version))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(calendar);
    }

    public static async Task<Results<Created<Calendar>, Ok<Calendar>, BodyProblem, PreconditionFailedProblem, UnavailableProblem>> SaveAsync(
        CalendarId calendarId, HttpContext context, IGrainFactory grains, Principal caller)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, CalendarsApi.MaxCalendarBodyBytes);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var read = CalendarDocument.Read(body!.RootElement, calendarId.Value);
        if (!read.IsValid) return Problems.BodyFields(read.Errors);
        if (CalendarProblems.TooLarge(read.Value!.Events) is { } tooLarge) return tooLarge;

        var (condition, badHeader) = Preconditions.Read(context.Request, read.Value!.Version);
        if (badHeader is not null) return (BodyProblem)badHeader;

        var outcome = await grains.GetGrain<ICalendarGrain>(calendarId.Value).SaveAsync(read.Value, condition!, caller.Username);
        return Answer(calendarId, context, outcome);
    }

    /// <summary>The answer to a write that stores a whole calendar (save, import, rollback).</summary>
    public static Results<Created<Calendar>, Ok<Calendar>, BodyProblem, PreconditionFailedProblem, UnavailableProblem> Answer(
        CalendarId calendarId, HttpContext context, CalendarSaveOutcome outcome)
    {
        if (outcome.Calendar is { } stored)
            context.Response.Headers.ETag = Preconditions.ETagFor(stored.Version);
        return outcome.Status switch
        {
            SaveStatus.Created => TypedResults.Created(CalendarsApi.Location(calendarId), outcome.Calendar),
            SaveStatus.Updated => TypedResults.Ok(outcome.Calendar),
            SaveStatus.Unavailable => Problems.Storage(outcome.Fault!),
            _ => CalendarProblems.VersionConflict(outcome.CurrentVersion),
        };
    }

    public static async Task<Results<NoContent, BadRequestProblem, NotFoundProblem, PreconditionFailedProblem, UnavailableProblem>> DeleteAsync(
        CalendarId calendarId, HttpContext context, IGrainFactory grains, Principal caller)
    {
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return badHeader;

        var outcome = await grains.GetGrain<ICalendarGrain>(calendarId.Value).DeleteAsync(condition!, caller.Username);
        return outcome.Status switch
        {
            DeleteStatus.Deleted => TypedResults.NoContent(),
            DeleteStatus.NotFound => CalendarProblems.NotFound(calendarId),
            DeleteStatus.Unavailable => Problems.Storage(outcome.Fault!),
            _ => CalendarProblems.VersionConflict(outcome.CurrentVersion),
        };
    }
}
