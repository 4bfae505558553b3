using System.Globalization;
using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// Reads a shared calendar sent by a client, strictly (as <see cref="FlowConfigDocument"/>): id rules as config ids,
/// description as configs, and up to <see cref="MaxEvents"/> events, each a name and a window of floating local times.
/// </summary>
public static class CalendarDocument
{
    public const int MaxEvents = 1000;

    /// <param name="document">The JSON object the client sent.</param>
    /// <param name="urlId">The id from the URL; a body <c>id</c> must equal it. Null: the body id is required.</param>
    /// <returns>The calendar with Version taken from the body's <c>version</c> (0 when absent), UpdatedAt/UpdatedBy ignored.</returns>
    public static ReadResult<Calendar> Read(JsonElement document, string? urlId)
    {
        var errors = new FieldErrors();
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", $"A calendar must be a JSON object, not {StrictJson.Describe(document.ValueKind)}.");
            return ReadResult<Calendar>.Fail(errors);
        }

        string? bodyId = null, description = null;
        List<CalendarEvent>? events = null;
        long version = 0;
        foreach (var property in StrictJson.Properties(document, "", errors))
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "id":
                    bodyId = StrictJson.String(value, "id", errors);
                    break;
                case "description":
                    description = StrictJson.String(value, "description", errors);
                    if (description is not null && FlowConfigDocument.ValidateDescription(description) is { } problem)
                    {
                        errors.Add("description", problem);
                        description = null;
                    }
                    break;
                case "events":
                    events = ReadEvents(value, errors);
                    break;
                case "version":
                    version = StrictJson.Version(value, "version", errors) ?? 0;
                    break;
                case "updatedAt" or "updatedBy":
                    break; // Set by the server; a client echoing them back is fine.
                default:
                    StrictJson.Unknown(property, "", errors);
                    break;
            }
        }
        if (!document.TryGetProperty("description", out _)) errors.Add("description", "'description' is required.");
        if (!document.TryGetProperty("events", out _)) errors.Add("events", "'events' is required (it may be an empty array).");

        var id = FlowConfigDocument.CheckId(urlId, bodyId, errors);

        if (!errors.IsEmpty || id is null || description is null || events is null)
            return ReadResult<Calendar>.Fail(errors);
        return ReadResult<Calendar>.Ok(new Calendar { Id = id, Description = description, Events = events, Version = version });
    }

    private static List<CalendarEvent>? ReadEvents(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("events", $"'events' must be an array, not {StrictJson.Describe(value.ValueKind)}.");
            return null;
        }
        var count = value.GetArrayLength();
        if (count > MaxEvents)
        {
            errors.Add("events", $"A calendar holds at most {MaxEvents} events; this one has {count}.");
            return null;
        }
        var events = new List<CalendarEvent>(count);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"events[{index}]";
            var position = (++index).ToString(CultureInfo.InvariantCulture);
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, $"Event {position} must be an object with a name, a start and an end.");
                continue;
            }
            string? name = null, start = null, end = null, repeat = null;
            var before = errors.Count;
            foreach (var field in StrictJson.Properties(item, path, errors))
            {
                var fieldPath = $"{path}.{field.Name}";
                switch (field.Name)
                {
                    case "name" or "start" or "end" or "repeat":
                        if (field.Value.ValueKind == JsonValueKind.Null && field.Name == "repeat") break;
                        if (field.Value.ValueKind != JsonValueKind.String)
                        {
                            errors.Add(fieldPath, $"Event {position}: '{field.Name}' must be a string, not {StrictJson.Describe(field.Value.ValueKind)}.");
                            break;
                        }
                        var text = field.Value.GetString()!;
                        switch (field.Name)
                        {
                            case "name": name = text; break;
                            case "start": start = text; break;
                            case "end": end = text; break;
                            default: repeat = text; break;
                        }
                        break;
                    default:
                        errors.Add(fieldPath, $"Event {position} has no field called '{field.Name}'.");
                        break;
                }
            }
            if (CheckEvent(name, start, end, repeat, path, position, errors, nameSent: item.TryGetProperty("name", out _)) && errors.Count == before)
                events.Add(new CalendarEvent(name!, start!, end!, repeat));
        }
        return events;
    }

    /// <summary>The event rules the JSON document and an iCalendar import share; true when the event is valid.</summary>
    internal static bool CheckEvent(string? name, string? start, string? end, string? repeat, string path, string position, FieldErrors errors,
        bool nameSent = true)
    {
        var before = errors.Count;
        string subject;
        if (name is null)
        {
            if (!nameSent) errors.Add($"{path}.name", $"Event {position} needs a name.");
            subject = $"Event {position}";
        }
        else if (EventNames.Problem(name) is { } problem)
        {
            errors.Add($"{path}.name", $"Event {position}: {problem}");
            subject = $"Event {position}";
        }
        else
        {
            subject = $"Event '{name}'";
        }
        Window.Compile(start, end, repeat, subject, (field, message) => errors.Add($"{path}.{field}", message));
        return errors.Count == before;
    }
}
