using System.Reflection;
using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>Marks a calendar route that changes calendars: Full on <c>*</c>, as for settings.</summary>
internal sealed record CalendarManagementRequirement(string Action);

/// <summary>
/// The one access check of the calendar routes, as a route-group filter: every route needs a caller with access to
/// at least one config (calendars are not secret, but are no one else's business either), a bound
/// <see cref="CalendarId"/> must be a valid id (else 400 naming <c>id</c>), and a route marked
/// <see cref="RequiresCalendarManagement"/> needs the right to manage calendars (else 403).
/// </summary>
internal static class CalendarAccessFilter
{
    public static RouteHandlerBuilder RequiresCalendarManagement(this RouteHandlerBuilder endpoint, string action) =>
        endpoint.WithMetadata(new CalendarManagementRequirement(action));

    public static RouteGroupBuilder WithCalendarAccessCheck(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory(Create);
        // The filter's own answers belong in the OpenAPI document beside the handler's.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var bindsId = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler && IdIndex(handler) >= 0;
            ApiProblem.Declare(endpoint, bindsId ? [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden] : [StatusCodes.Status403Forbidden]);
        });
        return group;
    }

    private static int IdIndex(MethodInfo handler) => Array.FindIndex(handler.GetParameters(), p => p.ParameterType == typeof(CalendarId));

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var index = IdIndex(factory.MethodInfo);
        return async invocation =>
        {
            var context = invocation.HttpContext;
            var access = context.RequestServices.GetRequiredService<CallerAccess>();
            if (!AccessPolicy.HasAnyAccess(access.Caller))
                return Problems.Forbidden("Calendars are shown to users with access to at least one flow config.");
            if (index >= 0 && invocation.GetArgument<CalendarId>(index).Problem is { } invalid)
                return Problems.Field("id", invalid);
            if (context.GetEndpoint()!.Metadata.GetMetadata<CalendarManagementRequirement>() is { } manage
                && !await access.CanManageCalendarsAsync(context.RequestAborted))
                return Problems.Forbidden($"{manage.Action} calendars needs Full access on every flow config (*).");
            return await next(invocation);
        };
    }
}
