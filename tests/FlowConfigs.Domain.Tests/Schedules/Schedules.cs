using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

/// <summary>Builds configs with schedules directly, so evaluation tests do not depend on document validation.</summary>
internal static class Schedules
{
    public static readonly IReadOnlyDictionary<string, Calendar> NoCalendars = new Dictionary<string, Calendar>();

    public static FlowConfig Config(string? zone, params ScheduleEntry[] entries) => new()
    {
        Id = "branch",
        Description = "Branch",
        Variables = new Dictionary<string, string> { ["closure"] = "false", ["maxWaitTime"] = "600", ["priority"] = "medium" },
        Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
        {
            ["welcome"] = new Dictionary<string, PromptText>
            {
                ["en-US"] = new("<speak>Welcome.</speak>", "Welcome."),
                ["es-US"] = new("Bienvenido."),
            },
        },
        TimeZone = zone,
        Schedule = entries,
        Version = 7,
    };

    public static ScheduleEntry Window(string name, string start, string end, string? repeat = null, params (string Name, string Value)[] variables) => new()
    {
        Name = name,
        Start = start,
        End = end,
        Repeat = repeat,
        Variables = variables.Length == 0
            ? new Dictionary<string, string> { ["closure"] = "true" }
            : variables.ToDictionary(v => v.Name, v => v.Value),
    };

    public static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);

    public static ScheduleState At(FlowConfig config, string utc, IReadOnlyDictionary<string, Calendar>? calendars = null) =>
        ScheduleEvaluator.At(config, "UTC", calendars ?? NoCalendars, Utc(utc));
}
