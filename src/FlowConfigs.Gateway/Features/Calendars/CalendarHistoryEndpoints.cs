using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Schedules;
using FlowConfigs.Gateway.Features.FlowConfigs;
using FlowConfigs.Gateway.Features.History;
using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Calendars;
using FlowConfigs.Grains.Configs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>
/// A calendar's revisions, as a config's: list, read one, roll back to one. Calendars are readable by every user, so
/// a deleted calendar's history is too.
/// </summary>
internal static class CalendarHistoryEndpoints
{
    public static async Task<Results<Ok<RevisionList>, NotFoundProblem, UnavailableProblem>> ListAsync(CalendarId calendarId, IGrainFactory grains)
    {
        var history = await grains.GetGrain<ICalendarGrain>(calendarId.Value).GetHistoryAsync();
        if (history.Fault is { } fault) return Problems.Storage(fault);
        return history.Revisions.Count == 0 ? CalendarProblems.NotFound(calendarId) : TypedResults.Ok(new RevisionList(history.Revisions));
    }

    public static async Task<Results<Ok<CalendarRevision>, BadRequestProblem, NotFoundProblem, UnavailableProblem>> GetAsync(
        CalendarId calendarId, string version, IGrainFactory grains)
    {
        if (HistoryApi.ParseVersion(version) is not { } number) return HistoryApi.BadVersion(version);
        var read = await grains.GetGrain<ICalendarGrain>(calendarId.Value).GetRevisionAsync(number);
        if (read.Fault is { } fault) return Problems.Storage(fault);
        return read.Revision is null ? RevisionNotFound(calendarId, number) : TypedResults.Ok(read.Revision);
    }

    public static async Task<Results<Created<Calendar>, Ok<Calendar>, BadRequestProblem, NotFoundProblem, PreconditionFailedProblem, UnavailableProblem>> RollbackAsync(
        CalendarId calendarId, string version, HttpContext context, IGrainFactory grains, Principal caller)
    {
        if (HistoryApi.ParseVersion(version) is not { } number) return HistoryApi.BadVersion(version);
        var (condition, badHeader) = Preconditions.Read(context.Request);
        if (badHeader is not null) return badHeader;

        var outcome = await grains.GetGrain<ICalendarGrain>(calendarId.Value).RollbackAsync(number, condition!, caller.Username);
        if (outcome.Calendar is { } stored)
            context.Response.Headers.ETag = Preconditions.ETagFor(stored.Version);
        return outcome.Status switch
        {
            SaveStatus.Created => TypedResults.Created(CalendarsApi.Location(calendarId), outcome.Calendar),
            SaveStatus.Updated => TypedResults.Ok(outcome.Calendar),
            SaveStatus.NotFound => RevisionNotFound(calendarId, number),
            SaveStatus.Unavailable => Problems.Storage(outcome.Fault!),
            _ => CalendarProblems.VersionConflict(outcome.CurrentVersion),
        };
    }

    private static NotFoundProblem RevisionNotFound(CalendarId id, long version) =>
        Problems.NotFound($"Calendar {id.Value} has no revision {version} (it never existed or is past the retention limit).");
}
