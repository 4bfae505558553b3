using System.Globalization;
using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// TEMPORARY, minimal: stands in for the domain's calendar reader until it is merged, so the calendar API compiles
/// and runs. Reads a calendar body strictly, naming fields as <c>events[0].end</c>.
/// </summary>
public static class CalendarDocument
{
    private static readonly HashSet<string> Fields = ["id", "description", "events", "version", "updatedAt", "updatedBy"];
    private static readonly HashSet<string> EventFields = ["name", "start", "end", "repeat"];
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static ReadResult<Calendar> Read(JsonElement document, string? urlId)
    {
        var errors = new FieldErrors();
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "A calendar is a JSON object.");
            return ReadResult<Calendar>.Fail(errors);
        }
        foreach (var property in document.EnumerateObject())
            if (!Fields.Contains(property.Name))
                errors.Add(property.Name, $"Unknown field '{property.Name}'.");

        var id = Text(document, "id") ?? urlId;
        if (FlowConfigId.Validate(id) is { } badId) errors.Add("id", badId);
        else if (urlId is not null && id != urlId) errors.Add("id", "The body's id must equal the id in the URL.");

        var description = Text(document, "description");
        if (description is not { Length: >= 1 and <= 1024 }) errors.Add("description", "description is required, 1 to 1,024 characters.");

        var events = new List<CalendarEvent>();
        if (!document.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            errors.Add("events", "events is required: an array (may be empty).");
        else
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"events[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) { errors.Add(path, "An event is an object."); continue; }
                foreach (var property in item.EnumerateObject())
                    if (!EventFields.Contains(property.Name))
                        errors.Add($"{path}.{property.Name}", $"Unknown field '{property.Name}'.");
                var name = Text(item, "name");
                if (string.IsNullOrWhiteSpace(name)) errors.Add($"{path}.name", "name is required.");
                var start = Time(item, "start", path, errors);
                var end = Time(item, "end", path, errors);
                if (start is not null && end is not null && end <= start) errors.Add($"{path}.end", "end must be after start.");
                var repeat = Text(item, "repeat");
                if (repeat is not null && !repeat.Contains("FREQ=", StringComparison.Ordinal)) errors.Add($"{path}.repeat", "repeat is an RRULE such as FREQ=YEARLY.");
                if (name is not null && start is not null && end is not null)
                    events.Add(new CalendarEvent(name, Text(item, "start")!, Text(item, "end")!, repeat));
            }
        }
        if (!errors.IsEmpty) return ReadResult<Calendar>.Fail(errors);
        return ReadResult<Calendar>.Ok(new Calendar
        {
            Id = id!,
            Description = description!,
            Events = events,
            Version = document.TryGetProperty("version", out var v) && v.TryGetInt64(out var version) ? version : 0,
        });
    }

    private static DateTime? Time(JsonElement item, string name, string path, FieldErrors errors)
    {
        if (Text(item, name) is { } text && DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        errors.Add($"{path}.{name}", $"{name} is a local time such as 2026-12-25T00:00.");
        return null;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
