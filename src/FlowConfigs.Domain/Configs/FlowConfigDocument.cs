using System.Text.Json;
using FlowConfigs.Domain.Prompts;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Configs;

/// <summary>
/// Reads a flow config sent by a client (HTTP body, import item) strictly: wrong JSON types, unknown
/// fields, duplicate keys and every rule on ids, names, schema types, languages and SSML are reported per field, and so
/// are the optional <c>timeZone</c> (a tzdb id) and <c>schedule</c> (entries whose overrides must fit the config's own
/// variables, schema and prompts; whether a referenced calendar exists is for the caller to check).
/// </summary>
public static class FlowConfigDocument
{
    /// <summary>Largest stored document, UTF-8 JSON (the DynamoDB item limit).</summary>
    public const int MaxDocumentBytes = 400 * 1024;

    public const int MaxDescriptionLength = 1024;
    public const int MaxNameLength = 128;

    /// <param name="document">The JSON object the client sent.</param>
    /// <param name="id">The id from the URL; a body <c>id</c> must equal it. For import items pass null: the body id is then required.</param>
    /// <returns>The config with Version taken from the body's <c>version</c> (0 when absent), UpdatedAt/UpdatedBy ignored.</returns>
    public static ReadResult<FlowConfig> Read(JsonElement document, string? id)
    {
        var errors = new FieldErrors();
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", $"A flow config must be a JSON object, not {StrictJson.Describe(document.ValueKind)}.");
            return ReadResult<FlowConfig>.Fail(errors);
        }

        string? bodyId = null, description = null;
        Dictionary<string, string>? variables = null;
        Dictionary<string, VariableSchema>? schema = null;
        Dictionary<string, IReadOnlyDictionary<string, PromptText>>? prompts = null;
        string? timeZone = null;
        JsonElement? scheduleElement = null;
        long version = 0;
        bool sawDescription = false, sawVariables = false, sawPrompts = false;

        foreach (var property in StrictJson.Properties(document, "", errors))
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "id":
                    bodyId = StrictJson.String(value, "id", errors);
                    break;
                case "description":
                    sawDescription = true;
                    description = ReadDescription(value, errors);
                    break;
                case "variables":
                    sawVariables = true;
                    variables = ReadVariables(value, errors);
                    break;
                case "schema":
                    if (value.ValueKind != JsonValueKind.Null)
                        schema = ReadSchema(value, errors);
                    break;
                case "prompts":
                    sawPrompts = true;
                    prompts = ReadPrompts(value, errors);
                    break;
                case "timeZone":
                    if (value.ValueKind != JsonValueKind.Null)
                        timeZone = ReadTimeZone(value, errors);
                    break;
                case "schedule":
                    if (value.ValueKind != JsonValueKind.Null)
                        scheduleElement = value;
                    break;
                case "version":
                    version = StrictJson.Version(value, "version", errors) ?? 0;
                    break;
                case "updatedAt" or "updatedBy":
                    break; // The server sets these; a client echoing them back is fine.
                default:
                    StrictJson.Unknown(property, "", errors);
                    break;
            }
        }

        if (!sawDescription) errors.Add("description", "'description' is required.");
        if (!sawVariables) errors.Add("variables", "'variables' is required (it may be an empty object).");
        if (!sawPrompts) errors.Add("prompts", "'prompts' is required (it may be an empty object).");

        var effectiveId = CheckId(id, bodyId, errors);
        if (variables is not null && prompts is not null)
            foreach (var name in prompts.Keys)
                if (variables.ContainsKey(name))
                    errors.Add($"prompts.{name}", $"'{name}' is already a variable; a name must be unique across variables and prompts.");
        if (variables is not null && schema is not null)
            CheckValuesAgainstSchema(variables, schema, errors);
        // Overrides are checked against the config's own keys and schema, so only once those read cleanly.
        List<ScheduleEntry>? schedule = null;
        if (scheduleElement is { } scheduleValue)
            schedule = ScheduleDocument.Read(scheduleValue, variables, schema, prompts, errors);

        if (!errors.IsEmpty || effectiveId is null || description is null || variables is null || prompts is null)
            return ReadResult<FlowConfig>.Fail(errors);

        return ReadResult<FlowConfig>.Ok(new FlowConfig
        {
            Id = effectiveId,
            Description = description,
            Variables = variables,
            Schema = schema,
            Prompts = prompts,
            TimeZone = timeZone,
            Schedule = schedule,
            Version = version,
        });
    }

    /// <summary>Names of variables and prompts become keys of the flat map a contact flow reads as <c>$.External.name</c>.</summary>
    public static string? ValidateName(string name)
    {
        if (name.Length is 0 or > MaxNameLength)
            return $"A name must be 1 to {MaxNameLength} characters long.";
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.'))
                return $"'{FlowConfigId.Describe(c)}' is not allowed in a name; use letters, digits and + - _ .";
        return null;
    }

    /// <summary>
    /// The document's id: the URL's when given (a body <c>id</c> must then equal it), else the body's, which is then
    /// required; null, with the problem in <paramref name="errors"/>, when there is none or it breaks the id rules.
    /// </summary>
    internal static string? CheckId(string? urlId, string? bodyId, FieldErrors errors)
    {
        if (urlId is not null)
        {
            if (bodyId is not null && !string.Equals(bodyId, urlId, StringComparison.Ordinal))
                errors.Add("id", $"The body's id '{bodyId}' does not match the id in the URL '{urlId}'.");
            bodyId = urlId;
        }
        else if (bodyId is null)
        {
            errors.Add("id", "'id' is required.");
            return null;
        }
        if (FlowConfigId.Validate(bodyId) is { } problem)
        {
            errors.Add("id", problem);
            return null;
        }
        return bodyId;
    }

    private static string? ReadTimeZone(JsonElement value, FieldErrors errors)
    {
        var zone = StrictJson.String(value, "timeZone", errors);
        if (zone is null || TimeZones.IsKnown(zone)) return zone;
        errors.Add("timeZone", TimeZones.UnknownMessage("timeZone", zone));
        return null;
    }

    private static string? ReadDescription(JsonElement value, FieldErrors errors)
    {
        var description = StrictJson.String(value, "description", errors);
        if (description is null) return null;
        if (ValidateDescription(description) is not { } problem)
            return description;
        errors.Add("description", problem);
        return null;
    }

    /// <summary>Null when <paramref name="description"/> is valid, else why not (a sentence for the caller).</summary>
    public static string? ValidateDescription(string description)
    {
        if (description.Trim().Length == 0 || description.Length > MaxDescriptionLength)
            return $"'description' must be 1 to {MaxDescriptionLength} characters long.";
        if (StrictJson.HasControlCharacters(description))
            return "'description' must not contain control characters.";
        if (StrictJson.FindDeceptiveCharacter(description) is { } codePoint)
            return StrictJson.DeceptiveCharacterMessage("description", codePoint);
        return null;
    }

    private static Dictionary<string, string>? ReadVariables(JsonElement value, FieldErrors errors)
    {
        if (!StrictJson.IsObject(value, "variables", errors)) return null;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in StrictJson.Properties(value, "variables", errors))
        {
            var path = $"variables.{property.Name}";
            if (ValidateName(property.Name) is { } badName)
                errors.Add(path, badName);
            else if (StrictJson.String(property.Value, path, errors) is { } text)
                variables[property.Name] = text;
        }
        return variables;
    }

    private static Dictionary<string, VariableSchema>? ReadSchema(JsonElement value, FieldErrors errors)
    {
        if (!StrictJson.IsObject(value, "schema", errors)) return null;
        var schema = new Dictionary<string, VariableSchema>(StringComparer.Ordinal);
        foreach (var property in StrictJson.Properties(value, "schema", errors))
        {
            var path = $"schema.{property.Name}";
            if (!StrictJson.IsObject(property.Value, path, errors)) continue;
            VariableType? type = null;
            List<string>? options = null;
            var sawType = false;
            foreach (var field in StrictJson.Properties(property.Value, path, errors))
            {
                switch (field.Name)
                {
                    case "type":
                        sawType = true;
                        type = ReadType(field.Value, $"{path}.type", errors);
                        break;
                    case "options":
                        options = ReadOptions(field.Value, $"{path}.options", errors);
                        break;
                    default:
                        StrictJson.Unknown(field, path, errors);
                        break;
                }
            }
            if (!sawType)
                errors.Add($"{path}.type", "'type' is required: text, number, boolean or select.");
            if (type is null) continue;
            if (type == VariableType.Select && (options is null || options.Count == 0))
            {
                errors.Add($"{path}.options", "A select variable needs a non-empty list of options.");
                continue;
            }
            if (type != VariableType.Select && options is not null)
            {
                errors.Add($"{path}.options", "Only select variables have options.");
                continue;
            }
            schema[property.Name] = new VariableSchema(type.Value, options);
        }
        return schema;
    }

    private static VariableType? ReadType(JsonElement value, string path, FieldErrors errors) =>
        StrictJson.String(value, path, errors) switch
        {
            null => null,
            "text" => VariableType.Text,
            "number" => VariableType.Number,
            "boolean" => VariableType.Boolean,
            "select" => VariableType.Select,
            var other => Fail<VariableType?>(errors, path, $"Unknown type '{other}'; use text, number, boolean or select."),
        };

    private static List<string>? ReadOptions(JsonElement value, string path, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
            return Fail<List<string>>(errors, path, $"'{path}' must be an array of strings.");
        var options = new List<string>();
        foreach (var option in value.EnumerateArray())
        {
            if (option.ValueKind != JsonValueKind.String)
                return Fail<List<string>>(errors, path, $"'{path}' must be an array of strings.");
            var text = option.GetString()!;
            if (options.Contains(text, StringComparer.Ordinal))
                return Fail<List<string>>(errors, path, $"Option '{text}' appears more than once.");
            options.Add(text);
        }
        return options;
    }

    private static void CheckValuesAgainstSchema(Dictionary<string, string> variables, Dictionary<string, VariableSchema> schema, FieldErrors errors)
    {
        foreach (var (name, rule) in schema)
        {
            if (!variables.TryGetValue(name, out var value))
            {
                errors.Add($"schema.{name}", $"'{name}' is not a variable.");
                continue;
            }
            if (ValueProblem(value, rule) is { } problem)
                errors.Add($"variables.{name}", problem);
        }
    }

    /// <summary>Null when <paramref name="value"/> satisfies <paramref name="rule"/>, else why not.</summary>
    internal static string? ValueProblem(string value, VariableSchema rule) => rule.Type switch
    {
        VariableType.Number when !IsInvariantNumber(value) => $"'{value}' is not a number (digits, an optional leading '-' and '.' for decimals).",
        VariableType.Boolean when value is not ("true" or "false") => $"'{value}' is not a boolean; use true or false.",
        VariableType.Select when !rule.Options!.Contains(value, StringComparer.Ordinal) => $"'{value}' is not one of the options: {string.Join(", ", rule.Options!)}.",
        _ => null,
    };

    /// <summary>Invariant-culture decimals as a contact flow compares them: <c>-?\d+(\.\d+)?</c>.</summary>
    public static bool IsInvariantNumber(string value)
    {
        var i = value.StartsWith('-') ? 1 : 0;
        var digits = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i])) { i++; digits++; }
        if (digits == 0) return false;
        if (i == value.Length) return true;
        if (value[i++] != '.') return false;
        var fraction = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i])) { i++; fraction++; }
        return fraction > 0 && i == value.Length;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, PromptText>>? ReadPrompts(JsonElement value, FieldErrors errors)
    {
        if (!StrictJson.IsObject(value, "prompts", errors)) return null;
        var prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>(StringComparer.Ordinal);
        foreach (var prompt in StrictJson.Properties(value, "prompts", errors))
        {
            var path = $"prompts.{prompt.Name}";
            if (ValidateName(prompt.Name) is { } badName)
            {
                errors.Add(path, badName);
                continue;
            }
            if (!StrictJson.IsObject(prompt.Value, path, errors)) continue;
            var languages = new Dictionary<string, PromptText>(StringComparer.Ordinal);
            foreach (var language in StrictJson.Properties(prompt.Value, path, errors))
            {
                var languagePath = $"{path}.{language.Name}";
                if (!LanguageCode.IsValid(language.Name))
                    errors.Add(languagePath, $"'{language.Name}' is not {LanguageCode.Expected}.");
                else if (ReadPromptText(language.Value, languagePath, errors) is { } text)
                    languages[language.Name] = text;
            }
            if (languages.Count == 0 && !prompt.Value.EnumerateObject().Any())
                errors.Add(path, "A prompt needs at least one language.");
            prompts[prompt.Name] = languages;
        }
        return prompts;
    }

    internal static PromptText? ReadPromptText(JsonElement value, string path, FieldErrors errors)
    {
        if (!StrictJson.IsObject(value, path, errors)) return null;
        string? voice = null, chat = null;
        var ok = true;
        foreach (var field in StrictJson.Properties(value, path, errors))
        {
            switch (field.Name)
            {
                case "voice":
                    voice = StrictJson.String(field.Value, $"{path}.voice", errors);
                    ok &= voice is not null;
                    break;
                case "chat":
                    if (field.Value.ValueKind == JsonValueKind.Null) break;
                    chat = StrictJson.String(field.Value, $"{path}.chat", errors);
                    ok &= chat is not null;
                    break;
                default:
                    StrictJson.Unknown(field, path, errors);
                    ok = false;
                    break;
            }
        }
        if (string.IsNullOrWhiteSpace(voice))
        {
            if (ok) errors.Add($"{path}.voice", "'voice' is required and must not be empty.");
            return null;
        }
        // Markup Connect cannot speak would be an error at call time, or worse, something a speech engine acts on.
        if (SsmlPolicy.Problem(voice) is { } problem)
        {
            errors.Add($"{path}.voice", problem);
            return null;
        }
        // An empty chat variant means "none": text channels then read the voice text without SSML.
        return ok ? new PromptText(voice, string.IsNullOrEmpty(chat) ? null : chat) : null;
    }

    private static T? Fail<T>(FieldErrors errors, string path, string message)
    {
        errors.Add(path, message);
        return default;
    }
}
