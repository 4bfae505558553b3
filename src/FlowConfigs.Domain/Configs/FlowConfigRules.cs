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
    public static SizeViolation? CheckSize(FlowConfig config, string? fallbackLocale) => throw new NotImplementedException();
}

/// <param name="Field">"document", or "es-US/text" style language and channel.</param>
public sealed record SizeViolation(string Field, string Message, int Bytes, int Limit);
