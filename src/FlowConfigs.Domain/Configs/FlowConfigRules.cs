using System.Text.Json;
using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Domain.Configs;

/// <summary>Size limits that depend on the whole config (413 rather than 400).</summary>
public static class FlowConfigRules
{
    /// <summary>Amazon Connect's Lambda response limit for the flat map.</summary>
    public const int MaxResolvedBytes = 32 * 1024;

    /// <summary>
    /// Null when the stored document fits in <see cref="FlowConfigDocument.MaxDocumentBytes"/> and, for every
    /// language the prompts use (and with no prompt language) on both the voice and the text channel, the resolved map fits in
    /// <see cref="MaxResolvedBytes"/>; else the violation, naming "document" or the language and channel in Field.
    /// </summary>
    public static SizeViolation? CheckSize(FlowConfig config, string? fallbackLocale)
    {
        var documentBytes = JsonSerializer.SerializeToUtf8Bytes(config, DomainJson.Options).Length;
        if (documentBytes > FlowConfigDocument.MaxDocumentBytes)
            return new("document", $"The config is {documentBytes} bytes as JSON; at most {FlowConfigDocument.MaxDocumentBytes} can be stored.",
                documentBytes, FlowConfigDocument.MaxDocumentBytes);

        // A language no prompt has resolves to the variables plus the fallback locale's prompts, which the
        // fallback locale's own entry already covers; "und" stands for it when there is no fallback.
        var languages = config.Prompts.Values.SelectMany(p => p.Keys).Append("und").Distinct(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            foreach (var channel in (ReadOnlySpan<ContactChannel>)[ContactChannel.Voice, ContactChannel.Text])
            {
                var bytes = ConfigResolver.ResolveUtf8(config, language, channel, fallbackLocale).Length;
                if (bytes <= MaxResolvedBytes) continue;
                var channelName = channel == ContactChannel.Voice ? "voice" : "text";
                var field = language == "und" ? $"variables/{channelName}" : $"{language}/{channelName}";
                return new(field,
                    $"For {(language == "und" ? "any language" : language)} on the {channelName} channel the resolved map is {bytes} bytes; Amazon Connect accepts at most {MaxResolvedBytes}.",
                    bytes, MaxResolvedBytes);
            }
        }
        return null;
    }
}

/// <param name="Field">"document", or "es-US/text" style language and channel.</param>
public sealed record SizeViolation(string Field, string Message, int Bytes, int Limit);
