using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Access;

/// <summary>
/// What an Edit-level user may change: variable values, prompt texts, adding a language to a prompt, adding or
/// removing a chat variant, and adding, changing or removing schedule entries (whose overrides can only name keys the
/// config already has, so they are value changes too). Anything else (description, time zone, adding/removing variables
/// or prompts, removing a language, schema) needs Full.
/// </summary>
public static class EditGuard
{
    /// <summary>Null when <paramref name="proposed"/> only makes Edit-level changes to <paramref name="current"/>; else the first structural change, naming its field.</summary>
    public static StructuralChange? FindStructuralChange(FlowConfig current, FlowConfig proposed)
    {
        if (!string.Equals(current.Description, proposed.Description, StringComparison.Ordinal))
            return new("description", "Changing the description needs Full access.");
        // The zone moves every schedule entry and every referenced calendar at once.
        if (!string.Equals(current.TimeZone, proposed.TimeZone, StringComparison.Ordinal))
            return new("timeZone", "Changing the time zone needs Full access.");

        foreach (var name in current.Variables.Keys)
            if (!proposed.Variables.ContainsKey(name))
                return new($"variables.{name}", $"Removing variable '{name}' needs Full access.");
        foreach (var name in proposed.Variables.Keys)
            if (!current.Variables.ContainsKey(name))
                return new($"variables.{name}", $"Adding variable '{name}' needs Full access.");

        if (FindSchemaChange(current.Schema, proposed.Schema) is { } schemaChange)
            return schemaChange;

        foreach (var (name, languages) in current.Prompts)
        {
            if (!proposed.Prompts.TryGetValue(name, out var proposedLanguages))
                return new($"prompts.{name}", $"Removing prompt '{name}' needs Full access.");
            foreach (var language in languages.Keys)
                if (!proposedLanguages.ContainsKey(language))
                    return new($"prompts.{name}.{language}", $"Removing language '{language}' from prompt '{name}' needs Full access.");
        }
        foreach (var name in proposed.Prompts.Keys)
            if (!current.Prompts.ContainsKey(name))
                return new($"prompts.{name}", $"Adding prompt '{name}' needs Full access.");

        return null;
    }

    private static StructuralChange? FindSchemaChange(
        IReadOnlyDictionary<string, VariableSchema>? current, IReadOnlyDictionary<string, VariableSchema>? proposed)
    {
        current ??= new Dictionary<string, VariableSchema>();
        proposed ??= new Dictionary<string, VariableSchema>();
        foreach (var name in current.Keys.Union(proposed.Keys))
        {
            current.TryGetValue(name, out var before);
            proposed.TryGetValue(name, out var after);
            if (!SameSchema(before, after))
                return new($"schema.{name}", $"Changing the schema of '{name}' needs Full access.");
        }
        return null;
    }

    private static bool SameSchema(VariableSchema? a, VariableSchema? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Type == b.Type && (a.Options ?? []).SequenceEqual(b.Options ?? [], StringComparer.Ordinal);
}

/// <param name="Field">Path of the change, e.g. "description", "variables.newVar", "prompts.greeting.es-US", "schema.priority".</param>
public sealed record StructuralChange(string Field, string Message);
