namespace FlowConfigs.Domain.Configs;

/// <summary>
/// A named set of typed variables and multi-language prompts that contact flows read at call time.
/// Dictionaries keep the document's order, which is the order GetConfig writes the flat map in.
/// </summary>
public sealed record FlowConfig
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyDictionary<string, string> Variables { get; init; }
    public IReadOnlyDictionary<string, VariableSchema>? Schema { get; init; }
    /// <summary>Prompt name → language code → text.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, PromptText>> Prompts { get; init; }
    /// <summary>IANA zone the schedule's local times are read in; null: the settings' zone.</summary>
    public string? TimeZone { get; init; }
    /// <summary>Time-based overrides, in precedence order (for each key the first active entry wins); null or empty: none.</summary>
    public IReadOnlyList<Schedules.ScheduleEntry>? Schedule { get; init; }
    /// <summary>Set by the server: 0 for a config never saved, then 1, 2, ...</summary>
    public long Version { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
}

public sealed record VariableSchema(VariableType Type, IReadOnlyList<string>? Options = null);

public enum VariableType { Text, Number, Boolean, Select }

/// <summary>One language of a prompt: what a voice contact hears (plain text or SSML) and, optionally, what a text contact reads.</summary>
public sealed record PromptText(string Voice, string? Chat = null);
