using System.Text.Json;

namespace FlowConfigs.Domain.Configs;

/// <summary>
/// The pieces of strict reading both client documents share. System.Text.Json happily accepts duplicate keys (the
/// last wins) and any value kind; a config editor deserves to hear about both, per field.
/// </summary>
internal static class StrictJson
{
    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The object's properties in document order, reporting and skipping any repeated key.</summary>
    public static IEnumerable<JsonProperty> Properties(JsonElement obj, string path, FieldErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (seen.Add(property.Name))
                yield return property;
            else
                errors.Add(Join(path, property.Name), $"'{property.Name}' appears more than once.");
        }
    }

    public static bool IsObject(JsonElement value, string path, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Object) return true;
        errors.Add(path, $"'{path}' must be an object, not {Describe(value.ValueKind)}.");
        return false;
    }

    public static string? String(JsonElement value, string path, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add(path, $"'{path}' must be a string, not {Describe(value.ValueKind)}.");
        return null;
    }

    /// <summary>Versions are optional: null or absent mean "not given"; otherwise a non-negative integer.</summary>
    public static long? Version(JsonElement value, string path, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var version) && version >= 0) return version;
        errors.Add(path, $"'{path}' must be a non-negative integer.");
        return null;
    }

    public static void Unknown(JsonProperty property, string path, FieldErrors errors) =>
        errors.Add(Join(path, property.Name), $"Unknown field '{property.Name}'.");

    public static bool HasControlCharacters(string text)
    {
        foreach (var c in text)
            if (char.IsControl(c))
                return true;
        return false;
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
