using System.Text.Json;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Configs;

/// <summary>Size limits that depend on the whole config (413 rather than 400).</summary>
public static class FlowConfigRules
{
    /// <summary>Amazon Connect's Lambda response limit for the flat map.</summary>
    public const int MaxResolvedBytes = 32 * 1024;

    /// <summary>
    /// Null when the stored document fits in <see cref="FlowConfigDocument.MaxDocumentBytes"/> and, for every
    /// language the prompts use (and with no prompt language) on both the voice and the text channel, the resolved map fits in
    /// <see cref="MaxResolvedBytes"/>, also with any combination of schedule entries active (a safe upper bound: per key
    /// the longest of the config's value and every entry's override); else the violation, naming "document" or the
    /// language and channel in Field.
    /// </summary>
    public static SizeViolation? CheckSize(FlowConfig config, string? fallbackLocale)
    {
        var documentBytes = JsonSerializer.SerializeToUtf8Bytes(config, DomainJson.Options).Length;
        if (documentBytes > FlowConfigDocument.MaxDocumentBytes)
            return new("document", $"The config is {documentBytes} bytes as JSON; at most {FlowConfigDocument.MaxDocumentBytes} can be stored.",
                documentBytes, FlowConfigDocument.MaxDocumentBytes);

        // A language no prompt has resolves to the variables plus the fallback locale's prompts, which the
        // fallback locale's own entry already covers; "und" stands for it when there is no fallback.
        // Schedule overrides may add a language to a prompt, so their languages count too.
        var overrideLanguages = (config.Schedule ?? []).SelectMany(e => e.Prompts?.Values ?? []).SelectMany(p => p.Keys);
        var languages = config.Prompts.Values.SelectMany(p => p.Keys).Concat(overrideLanguages).Append("und").Distinct(StringComparer.Ordinal);
        var eachEntryAlone = ScheduleOverrides.EachEntryAlone(config).ToList();
        foreach (var language in languages)
        {
            foreach (var channel in (ReadOnlySpan<ContactChannel>)[ContactChannel.Voice, ContactChannel.Text])
            {
                var channelName = channel == ContactChannel.Voice ? "voice" : "text";
                var field = language == "und" ? $"variables/{channelName}" : $"{language}/{channelName}";
                var where = $"For {(language == "und" ? "any language" : language)} on the {channelName} channel";
                var bytes = ConfigResolver.ResolveUtf8(config, language, channel, fallbackLocale).Length;
                if (bytes > MaxResolvedBytes)
                    return new(field, $"{where} the resolved map is {bytes} bytes; Amazon Connect accepts at most {MaxResolvedBytes}.",
                        bytes, MaxResolvedBytes);
                if (eachEntryAlone.Count == 0) continue;
                var bound = WorstCaseBytes(config, eachEntryAlone, language, channel, fallbackLocale);
                if (bound > MaxResolvedBytes)
                    return new(field,
                        $"{where}, with schedule overrides active the resolved map can reach {bound} bytes; Amazon Connect accepts at most {MaxResolvedBytes}. Shorten the overriding values or the config's own.",
                        bound, MaxResolvedBytes);
            }
        }
        return null;
    }

    /// <summary>
    /// An upper bound on the map over every combination of entries that can be active together, without enumerating
    /// the combinations: in any combination each key's value is the config's own or one entry's override (the first
    /// active entry naming it), which is also what that entry alone gives. So taking, per key, the longest value among the
    /// config and each entry applied alone bounds every combination.
    /// </summary>
    private static int WorstCaseBytes(FlowConfig config, IReadOnlyList<FlowConfig> eachEntryAlone, string language, ContactChannel channel, string? fallbackLocale)
    {
        var longest = new Dictionary<string, (string Value, int Length)>(StringComparer.Ordinal);
        foreach (var candidate in eachEntryAlone.Prepend(config))
        {
            foreach (var (name, value) in ConfigResolver.Resolve(candidate, language, channel, fallbackLocale))
            {
                var length = ConfigResolver.EncodedLength(value);
                if (!longest.TryGetValue(name, out var current) || length > current.Length)
                    longest[name] = (value, length);
            }
        }
        return ConfigResolver.ToUtf8(longest.Select(p => KeyValuePair.Create(p.Key, p.Value.Value))).Length;
    }
}

/// <param name="Field">"document", or "es-US/text" style language and channel.</param>
public sealed record SizeViolation(string Field, string Message, int Bytes, int Limit);
