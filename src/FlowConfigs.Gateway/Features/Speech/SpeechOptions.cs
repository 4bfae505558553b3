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
