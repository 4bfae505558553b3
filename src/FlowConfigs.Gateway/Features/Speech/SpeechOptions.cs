using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Hosting.Aws;

namespace FlowConfigs.Gateway.Features.Speech;

[TypeConverter(typeof(ProviderConverter<SpeechProvider>))]
public enum SpeechProvider
{
    /// <summary>The espeak-ng program: the embedded default.</summary>
    Espeak,

    /// <summary>Amazon Polly, as callers hear it.</summary>
    Polly,
}

public sealed class SpeechOptions
{
    public const string Section = "FlowConfigs:Speech";

    public SpeechProvider Provider { get; set; } = SpeechProvider.Espeak;

    /// <summary>The espeak-ng executable, found on PATH by default.</summary>
    [Required]
    public string EspeakPath { get; set; } = "espeak-ng";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Previews synthesized at once (a process each with espeak-ng); one per core by default.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSyntheses { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 64);

    /// <summary>Previews that wait for a free slot (a burst of Play clicks); past these the caller gets 429.</summary>
    [Range(0, 1000)]
    public int MaxQueuedSyntheses { get; set; } = 8;

    /// <summary>How long the provider's voice list is kept before it is read again (settings checks, the voice pickers).</summary>
    [Range(1, 1440)]
    public int VoiceListMinutes { get; set; } = 5;

    public PollyOptions Polly { get; set; } = new();
}

public sealed class PollyOptions : AwsServiceOptions
{
    /// <summary>Preferred engine; a voice that lacks it falls back to <c>standard</c>.</summary>
    [RegularExpression("^(neural|standard|long-form|generative)$")]
    public string Engine { get; set; } = "neural";

    /// <summary>Synthesized audio kept in memory, so replaying a prompt costs nothing and is not billed twice.</summary>
    [Range(0, 4096)]
    public int CacheMegabytes { get; set; } = 64;
}
