namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>One voice the speech provider offers, in the terms settings and prompts use.</summary>
/// <param name="Id">What settings store and previews send as <c>voiceId</c>.</param>
/// <param name="LanguageCodes">The prompt languages (en-US, arb, cmn-CN) the voice speaks.</param>
/// <param name="Gender">Female or Male when the provider says.</param>
public sealed record SpeechVoice(string Id, string Name, IReadOnlyList<string> LanguageCodes, string? Gender)
{
    public bool Speaks(string languageCode) => LanguageCodes.Contains(languageCode, StringComparer.Ordinal);
}

/// <param name="Provider">The provider's name as people know it, for messages ("Amazon Polly").</param>
public sealed record SpeechVoiceList(string Provider, IReadOnlyList<SpeechVoice> Voices);
