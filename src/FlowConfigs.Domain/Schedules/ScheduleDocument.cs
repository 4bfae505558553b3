using System.Globalization;
using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// Reads a config's <c>schedule</c> strictly, as <see cref="FlowConfigDocument"/> reads the rest. Each message is a
/// sentence naming the entry by its name (or its position while it has none); the key is the field's path, e.g.
/// <c>schedule[0].variables.closure</c>.
/// </summary>
internal static class ScheduleDocument
{
    public const int MaxEntries = 100;

    /// <param name="variables">The config's variables; null when they did not read cleanly (overrides are then not checked against them).</param>
    /// <param name="prompts">The config's prompts; null likewise.</param>
    public static List<ScheduleEntry>? Read(JsonElement value, IReadOnlyDictionary<string, string>? variables,
        IReadOnlyDictionary<string, VariableSchema>? schema, IReadOnlyDictionary<string, IReadOnlyDictionary<string, PromptText>>? prompts,
        FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("schedule", $"'schedule' must be an array of entries, not {StrictJson.Describe(value.ValueKind)}.");
            return null;
        }
        var count = value.GetArrayLength();
        if (count > MaxEntries)
        {
            errors.Add("schedule", $"A schedule holds at most {MaxEntries} entries; this one has {count}.");
            return null;
        }

        var entries = new List<ScheduleEntry>(count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"schedule[{index}]";
            var position = (index + 1).ToString(CultureInfo.InvariantCulture);
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, $"Schedule entry {position} must be an object with a name, a start and end or a calendar, and overrides.");
                continue;
            }
            if (ReadEntry(item, path, position, names, variables, schema, prompts, errors) is { } entry)
                entries.Add(entry);
        }
        return entries;
    }

    private static ScheduleEntry? ReadEntry(JsonElement item, string path, string position, HashSet<string> names,
        IReadOnlyDictionary<string, string>? configVariables, IReadOnlyDictionary<string, VariableSchema>? schema,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, PromptText>>? configPrompts, FieldErrors errors)
    {
        var before = errors.Count;
        var name = ReadName(item, path, position, names, errors);
        var subject = name is null ? $"Schedule entry {position}" : $"Schedule entry '{name}'";

        string? start = null, end = null, repeat = null, calendar = null;
        Dictionary<string, string>? variables = null;
        Dictionary<string, IReadOnlyDictionary<string, PromptText>>? prompts = null;
        foreach (var field in StrictJson.Properties(item, path, errors))
        {
            var fieldPath = $"{path}.{field.Name}";
            switch (field.Name)
            {
                case "name":
                    break;
                case "start":
                    start = OptionalString(field.Value, fieldPath, subject, errors);
                    break;
                case "end":
                    end = OptionalString(field.Value, fieldPath, subject, errors);
                    break;
                case "repeat":
                    repeat = OptionalString(field.Value, fieldPath, subject, errors);
                    break;
                case "calendar":
                    calendar = OptionalString(field.Value, fieldPath, subject, errors);
                    if (calendar is not null && FlowConfigId.Validate(calendar) is { } badId)
                        errors.Add(fieldPath, $"{subject}: calendar '{calendar}' is not a valid calendar id. {badId}");
                    break;
                case "variables":
                    if (field.Value.ValueKind != JsonValueKind.Null)
                        variables = ReadVariables(field.Value, fieldPath, subject, configVariables, schema, errors);
                    break;
                case "prompts":
                    if (field.Value.ValueKind != JsonValueKind.Null)
                        prompts = ReadPrompts(field.Value, fieldPath, subject, configPrompts, errors);
                    break;
                default:
                    errors.Add(fieldPath, $"{subject} has no field called '{field.Name}'.");
                    break;
            }
        }

        if (calendar is not null)
        {
            if (start is not null || end is not null || repeat is not null)
                errors.Add($"{path}.calendar", $"{subject} names a calendar and also a start, end or repeat; use either the calendar or its own window.");
        }
        else
        {
            Window.Compile(start, end, repeat, subject, (field, message) => errors.Add($"{path}.{field}", message));
        }

        if (!Names(item, "variables") && !Names(item, "prompts"))
            errors.Add(path, $"{subject} overrides nothing; give it variables or prompts to change while it is active.");

        if (errors.Count != before || name is null) return null;
        return new ScheduleEntry
        {
            Name = name,
            Start = start,
            End = end,
            Repeat = repeat,
            Calendar = calendar,
            Variables = variables is { Count: > 0 } ? variables : null,
            Prompts = prompts is { Count: > 0 } ? prompts : null,
        };
    }

    /// <summary>
    /// Whether the entry names something under <paramref name="field"/>. A value of the wrong kind counts: it has been
    /// reported already, and "overrides nothing" beside it would only add noise.
    /// </summary>
    private static bool Names(JsonElement item, string field) =>
        item.TryGetProperty(field, out var value) && value.ValueKind switch
        {
            JsonValueKind.Null => false,
            JsonValueKind.Object => value.EnumerateObject().Any(),
            _ => true,
        };

    private static string? ReadName(JsonElement item, string path, string position, HashSet<string> names, FieldErrors errors)
    {
        var namePath = $"{path}.name";
        if (!item.TryGetProperty("name", out var value))
        {
            errors.Add(namePath, $"Schedule entry {position} needs a name.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(namePath, $"The name of schedule entry {position} must be a string, not {StrictJson.Describe(value.ValueKind)}.");
            return null;
        }
        var name = value.GetString()!;
        if (EventNames.Problem(name) is { } problem)
        {
            errors.Add(namePath, $"Schedule entry {position}: {problem}");
            return null;
        }
        if (!names.Add(name))
        {
            errors.Add(namePath, $"Schedule entry {position} is called '{name}', like an earlier entry; each entry needs its own name.");
            return null;
        }
        return name;
    }

    private static string? OptionalString(JsonElement value, string path, string subject, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        var field = path[(path.LastIndexOf('.') + 1)..];
        errors.Add(path, $"{subject}: '{field}' must be a string, not {StrictJson.Describe(value.ValueKind)}.");
        return null;
    }

    private static Dictionary<string, string>? ReadVariables(JsonElement value, string path, string subject,
        IReadOnlyDictionary<string, string>? configVariables, IReadOnlyDictionary<string, VariableSchema>? schema, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"{subject}: 'variables' must be an object of variable names and values, not {StrictJson.Describe(value.ValueKind)}.");
            return null;
        }
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in StrictJson.Properties(value, path, errors))
        {
            var variablePath = $"{path}.{property.Name}";
            if (configVariables is not null && !configVariables.ContainsKey(property.Name))
            {
                errors.Add(variablePath, $"{subject} overrides variable '{property.Name}', which the config does not have.");
                continue;
            }
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(variablePath, $"{subject}: the value of '{property.Name}' must be a string, not {StrictJson.Describe(property.Value.ValueKind)}.");
                continue;
            }
            var text = property.Value.GetString()!;
            if (schema is not null && schema.TryGetValue(property.Name, out var rule) && FlowConfigDocument.ValueProblem(text, rule) is { } problem)
            {
                errors.Add(variablePath, $"{subject}: {problem}");
                continue;
            }
            variables[property.Name] = text;
        }
        return variables;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, PromptText>>? ReadPrompts(JsonElement value, string path, string subject,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, PromptText>>? configPrompts, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"{subject}: 'prompts' must be an object of prompt names, languages and texts, not {StrictJson.Describe(value.ValueKind)}.");
            return null;
        }
        var prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>(StringComparer.Ordinal);
        foreach (var prompt in StrictJson.Properties(value, path, errors))
        {
            var promptPath = $"{path}.{prompt.Name}";
            if (configPrompts is not null && !configPrompts.ContainsKey(prompt.Name))
            {
                errors.Add(promptPath, $"{subject} overrides prompt '{prompt.Name}', which the config does not have.");
                continue;
            }
            if (prompt.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(promptPath, $"{subject}: prompt '{prompt.Name}' must be an object of languages, not {StrictJson.Describe(prompt.Value.ValueKind)}.");
                continue;
            }
            var languages = new Dictionary<string, PromptText>(StringComparer.Ordinal);
            foreach (var language in StrictJson.Properties(prompt.Value, promptPath, errors))
            {
                var languagePath = $"{promptPath}.{language.Name}";
                if (!LanguageCode.IsValid(language.Name))
                {
                    errors.Add(languagePath, $"{subject}: '{language.Name}' in prompt '{prompt.Name}' is not {LanguageCode.Expected}.");
                    continue;
                }
                // The same rules as the config's own prompt texts (voice required, SSML policy), each message naming the entry.
                var textErrors = new FieldErrors();
                var text = FlowConfigDocument.ReadPromptText(language.Value, languagePath, textErrors);
                foreach (var (field, messages) in textErrors.ToDictionary())
                    foreach (var message in messages)
                        errors.Add(field, $"{subject}, prompt '{prompt.Name}' ({language.Name}): {message}");
                if (text is not null && textErrors.IsEmpty)
                    languages[language.Name] = text;
            }
            if (!prompt.Value.EnumerateObject().Any())
                errors.Add(promptPath, $"{subject} overrides prompt '{prompt.Name}' with no language; name at least one.");
            prompts[prompt.Name] = languages;
        }
        return prompts;
    }
}
