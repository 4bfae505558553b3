using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>Applies active entries to a config: for each variable and each prompt language, the first entry naming it wins.</summary>
internal static class ScheduleOverrides
{
    /// <summary>
    /// Entries are applied last to first, so an earlier one overwrites a later one. Only keys the config has are
    /// overridden (a stored entry may outlive a variable or prompt the config later dropped); the config's key order is kept.
    /// </summary>
    public static FlowConfig Apply(FlowConfig config, IReadOnlyList<ScheduleEntry> active)
    {
        if (active.Count == 0) return config;
        Dictionary<string, string>? variables = null;
        Dictionary<string, Dictionary<string, PromptText>>? changedPrompts = null;
        for (var i = active.Count - 1; i >= 0; i--)
        {
            var entry = active[i];
            foreach (var (name, value) in entry.Variables ?? Empty<string>())
            {
                if (!config.Variables.ContainsKey(name)) continue;
                variables ??= new Dictionary<string, string>(config.Variables, StringComparer.Ordinal);
                variables[name] = value;
            }
            foreach (var (name, languages) in entry.Prompts ?? Empty<IReadOnlyDictionary<string, PromptText>>())
            {
                if (!config.Prompts.TryGetValue(name, out var stored)) continue;
                changedPrompts ??= new(StringComparer.Ordinal);
                if (!changedPrompts.TryGetValue(name, out var merged))
                    changedPrompts[name] = merged = new Dictionary<string, PromptText>(stored, StringComparer.Ordinal);
                foreach (var (language, text) in languages)
                    merged[language] = text;
            }
        }
        return config with
        {
            Variables = variables ?? config.Variables,
            Prompts = changedPrompts is null ? config.Prompts : config.Prompts.ToDictionary(
                p => p.Key,
                p => changedPrompts.TryGetValue(p.Key, out var merged) ? merged : p.Value,
                StringComparer.Ordinal),
        };
    }

    /// <summary>The config with each entry applied alone, in schedule order: every value an override can give a key.</summary>
    public static IEnumerable<FlowConfig> EachEntryAlone(FlowConfig config) =>
        (config.Schedule ?? []).Select(entry => Apply(config, [entry]));

    private static IReadOnlyDictionary<string, T> Empty<T>() => EmptyDictionary<T>.Instance;

    private static class EmptyDictionary<T>
    {
        public static readonly IReadOnlyDictionary<string, T> Instance = new Dictionary<string, T>();
    }
}
