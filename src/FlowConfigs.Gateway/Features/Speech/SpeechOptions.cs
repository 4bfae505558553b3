using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Features.Speech;

public sealed class SpeechOptions
{
    public const string Section = "FlowConfigs:Speech";

    /// <summary><c>Espeak</c> (embedded default: the espeak-ng program).</summary>
    [Required]
    public string Provider { get; set; } = "Espeak";

    /// <summary>The espeak-ng executable, found on PATH by default.</summary>
    [Required]
    public string EspeakPath { get; set; } = "espeak-ng";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;
}
