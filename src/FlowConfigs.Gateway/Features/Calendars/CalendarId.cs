using System.Reflection;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Features.Calendars;

/// <summary>
/// A calendar id from the route's <c>{id}</c>, read from the raw request target as config ids are (one
/// percent-encoded segment). Calendar ids follow the config id rules; the calendar routes' filter checks them.
/// </summary>
public readonly record struct CalendarId(string Value)
{
    /// <summary>Null when the id follows the id rules, else why not.</summary>
    public string? Problem => FlowConfigId.Validate(Value);

    public override string ToString() => Value;

    public static ValueTask<CalendarId> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(new CalendarId(ConfigId.RawSegment(context, ConfigId.RouteParameter) ?? ""));
}
