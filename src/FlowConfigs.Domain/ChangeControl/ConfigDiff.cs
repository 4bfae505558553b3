using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.ChangeControl;

/// <summary>
/// What a reviewer reads: the fields that differ between two configs, one line per variable, schema, prompt language
/// and schedule entry (entries matched by name), so a one-word change in one prompt is one line.
/// </summary>
public static class ConfigDiff
{
    /// <summary>The changes from <paramref name="before"/> (null: no config) to <paramref name="after"/> (null: deleted).</summary>
    public static IReadOnlyList<ConfigChange> Between(FlowConfig? before, FlowConfig? after)
    {
        var changes = new List<ConfigChange>();
        Compare(changes, "description", Node(before?.Description), Node(after?.Description));
        Compare(changes, "timeZone", Node(before?.TimeZone), Node(after?.TimeZone));
        CompareMaps(changes, "variables", before?.Variables, after?.Variables);
        CompareMaps(changes, "schema", before?.Schema, after?.Schema);
        foreach (var name in Keys(before?.Prompts, after?.Prompts))
            CompareMaps(changes, $"prompts.{name}", Lookup(before?.Prompts, name), Lookup(after?.Prompts, name));

        var beforeEntries = before?.Schedule ?? [];
        var afterEntries = after?.Schedule ?? [];
        foreach (var name in beforeEntries.Select(e => e.Name).Concat(afterEntries.Select(e => e.Name)).Distinct(StringComparer.Ordinal))
            Compare(changes, $"schedule.{name}", Node(beforeEntries.FirstOrDefault(e => e.Name == name)), Node(afterEntries.FirstOrDefault(e => e.Name == name)));
        var beforeOrder = beforeEntries.Select(e => e.Name).Where(n => afterEntries.Any(e => e.Name == n)).ToArray();
        var afterOrder = afterEntries.Select(e => e.Name).Where(n => beforeEntries.Any(e => e.Name == n)).ToArray();
        if (!beforeOrder.SequenceEqual(afterOrder, StringComparer.Ordinal))
            changes.Add(new ConfigChange("schedule.order", "changed", Node(beforeOrder), Node(afterOrder)));
        return changes;
    }

    private static void CompareMaps<T>(List<ConfigChange> changes, string path, IReadOnlyDictionary<string, T>? before, IReadOnlyDictionary<string, T>? after)
        where T : class
    {
        foreach (var key in Keys(before, after))
            Compare(changes, $"{path}.{key}", Node(Lookup(before, key)), Node(Lookup(after, key)));
    }

    private static void Compare(List<ConfigChange> changes, string path, JsonNode? before, JsonNode? after)
    {
        if (JsonNode.DeepEquals(before, after)) return;
        var kind = before is null ? "added" : after is null ? "removed" : "changed";
        changes.Add(new ConfigChange(path, kind, before, after));
    }

    private static IEnumerable<string> Keys<T>(IReadOnlyDictionary<string, T>? before, IReadOnlyDictionary<string, T>? after) =>
        (before?.Keys ?? []).Concat(after?.Keys ?? []).Distinct(StringComparer.Ordinal);

    private static T? Lookup<T>(IReadOnlyDictionary<string, T>? map, string key) where T : class =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static JsonNode? Node<T>(T? value) => value is null ? null : JsonSerializer.SerializeToNode(value, DomainJson.Options);
}
