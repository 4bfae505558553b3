using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Resolution;

/// <summary>Turns a config into the flat string map a contact flow reads as <c>$.External.*</c>.</summary>
public static class ConfigResolver
{
    /// <summary>
    /// Every variable, then every prompt that has <paramref name="language"/> (or, when missing and
    /// <paramref name="fallbackLocale"/> is set, that locale). Voice: voice text as stored. Text: chat when
    /// present, else voice text through <see cref="Ssml.ToPlainText"/>. Prompts with no usable language are left out.
    /// Order: the config's variable order, then its prompt order.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(FlowConfig config, string language, ContactChannel channel, string? fallbackLocale) =>
        throw new NotImplementedException();

    /// <summary>The same map as one compact UTF-8 JSON object, ready to write to a response without re-serializing.</summary>
    public static byte[] ResolveUtf8(FlowConfig config, string language, ContactChannel channel, string? fallbackLocale) =>
        throw new NotImplementedException();
}
