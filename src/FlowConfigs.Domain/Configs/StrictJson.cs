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

    /// <summary>
    /// The first bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) or zero-width character
    /// (U+200B–U+200D, U+2060, U+FEFF) in <paramref name="text"/>, as <c>U+XXXX</c>; null when there is none. These make
    /// text display differently from what it holds, so a reviewer would approve something other than what goes live.
    /// </summary>
    public static string? FindDeceptiveCharacter(string text)
    {
        foreach (var c in text)
            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF')
                return $"U+{(int)c:X4}";
        return null;
    }

    /// <summary>The sentence for a field holding such a character, naming its code point.</summary>
    public static string DeceptiveCharacterMessage(string field, string codePoint) =>
        $"'{field}' contains {codePoint}, an invisible or text-direction character that makes it display differently from what it holds.";

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
