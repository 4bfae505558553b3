using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Access;

/// <summary>
/// What an Edit-level user may change: variable values, prompt texts, adding a language to a prompt, adding or
/// removing a chat variant. Anything else (description, adding/removing variables or prompts, removing a language,
/// schema) needs Full.
/// </summary>
public static class EditGuard
{
    /// <summary>Null when <paramref name="proposed"/> only makes Edit-level changes to <paramref name="current"/>; else the first structural change, naming its field.</summary>
    public static StructuralChange? FindStructuralChange(FlowConfig current, FlowConfig proposed) => throw new NotImplementedException();
}

/// <param name="Field">Path of the change, e.g. "description", "variables.newVar", "prompts.greeting.es-US", "schema.priority".</param>
public sealed record StructuralChange(string Field, string Message);
