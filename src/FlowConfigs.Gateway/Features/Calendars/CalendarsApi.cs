using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>
/// The shared calendars on the public port: list, read, save, delete, history, rollback, iCalendar import, the
/// configs referencing one, and the time zones a schedule may name.
/// </summary>
internal static class CalendarsApi
{
    /// <summary>A stored document is at most 400 KB (the DynamoDB item limit).</summary>
    public const int MaxStoredBytes = 400 * 1024;

    /// <summary>Room for JSON whitespace a client may send around a full-size calendar.</summary>
    public const int MaxCalendarBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapCalendarsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendars").RequireAuthorization().WithCalendarAccessCheck().WithTags("Calendars");

        group.MapGet("/", CalendarListEndpoints.ListAsync).WithName("ListCalendars");
        group.MapGet("/{id}", CalendarEndpoints.GetAsync).WithName("GetCalendar");
        group.MapPut("/{id}", CalendarEndpoints.SaveAsync).WithName("SaveCalendar")
            .Accepts<Calendar>("application/json").RequiresCalendarManagement("Changing");
        group.MapDelete("/{id}", CalendarEndpoints.DeleteAsync).WithName("DeleteCalendar")
            .RequiresCalendarManagement("Deleting");
        group.MapPost("/{id}/import", CalendarImportEndpoint.ImportAsync).WithName("ImportCalendar")
            .Accepts<string>(CalendarImportEndpoint.MediaType).RequiresCalendarManagement("Importing");
        group.MapGet("/{id}/configs", CalendarListEndpoints.ReferencingAsync).WithName("ListCalendarConfigs");
        group.MapGet("/{id}/history", CalendarHistoryEndpoints.ListAsync).WithName("ListCalendarRevisions");
        group.MapGet("/{id}/history/{version}", CalendarHistoryEndpoints.GetAsync).WithName("GetCalendarRevision");
        group.MapPost("/{id}/rollback/{version}", CalendarHistoryEndpoints.RollbackAsync).WithName("RollbackCalendar")
            .RequiresCalendarManagement("Rolling back");

        app.MapGet("/api/time-zones", CalendarListEndpoints.TimeZones).RequireAuthorization().WithTags("Calendars").WithName("ListTimeZones");
        return app;
    }

    public static string Location(CalendarId id) => $"/api/calendars/{Uri.EscapeDataString(id.Value)}";
}
