using System.Buffers;
using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Resolution;

/// <summary>Turns a config into the flat string map a contact flow reads as <c>$.External.*</c>.</summary>
public static class ConfigResolver
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = DomainJson.Options.Encoder, SkipValidation = true };

    /// <summary>
    /// Every variable, then every prompt that has <paramref name="language"/> (or, when missing and
    /// <paramref name="fallbackLocale"/> is set, that locale). Voice: voice text as stored. Text: chat when
    /// present, else voice text through <see cref="Ssml.ToPlainText"/>. Prompts with no usable language are left out.
    /// Order: the config's variable order, then its prompt order.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(FlowConfig config, string language, ContactChannel channel, string? fallbackLocale)
    {
        var map = new Dictionary<string, string>(config.Variables.Count + config.Prompts.Count, StringComparer.Ordinal);
        foreach (var (name, value) in Entries(config, language, channel, fallbackLocale))
            map[name] = value;
        return map;
    }

    /// <summary>The same map as one compact UTF-8 JSON object, ready to write to a response without re-serializing.</summary>
    public static byte[] ResolveUtf8(FlowConfig config, string language, ContactChannel channel, string? fallbackLocale) =>
        ToUtf8(Entries(config, language, channel, fallbackLocale));

    /// <summary>
    /// What a map for <paramref name="language"/> lacks: the prompts with no text in that language (in prompt order;
    /// served from <paramref name="fallbackLocale"/> or left out), and whether any was served from the fallback.
    /// </summary>
    public static ResolutionGaps Gaps(FlowConfig config, string language, string? fallbackLocale)
    {
        List<string>? missing = null;
        var usedFallback = false;
        foreach (var (name, languages) in config.Prompts)
        {
            if (languages.ContainsKey(language)) continue;
            (missing ??= []).Add(name);
            usedFallback |= fallbackLocale is not null && languages.ContainsKey(fallbackLocale);
        }
        return missing is null ? ResolutionGaps.None : new ResolutionGaps([.. missing], usedFallback);
    }

    /// <summary>A flat map written exactly as GetConfig writes it, so a size computed from it is the size a flow receives.</summary>
    internal static byte[] ToUtf8(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entries)
                writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>How many bytes <paramref name="value"/> takes as a JSON string in the map, quotes excluded.</summary>
    internal static int EncodedLength(string value) =>
        JsonEncodedText.Encode(value, WriterOptions.Encoder).EncodedUtf8Bytes.Length;

    private static IEnumerable<KeyValuePair<string, string>> Entries(FlowConfig config, string language, ContactChannel channel, string? fallbackLocale)
    {
        foreach (var variable in config.Variables)
            yield return variable;
        foreach (var (name, languages) in config.Prompts)
        {
            if (!languages.TryGetValue(language, out var text) && (fallbackLocale is null || !languages.TryGetValue(fallbackLocale, out text)))
                continue;
            yield return new(name, channel == ContactChannel.Voice ? text.Voice : text.Chat ?? Ssml.ToPlainText(text.Voice));
        }
    }
}

/// <summary>Prompts a resolved map lacks in the language asked for, and whether the fallback locale stood in for any.</summary>
public sealed record ResolutionGaps(string[] MissingPrompts, bool UsedFallback)
{
    public static readonly ResolutionGaps None = new([], false);
}
