namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>Turns a prompt into audio so a business user hears it before it goes live.</summary>
public interface ISpeechSynthesizer
{
    Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken);
}

public sealed record SpeechRequest(string Text, string LanguageCode, string? VoiceId, bool IsSsml);

public sealed record SpeechAudio(byte[] Bytes, string ContentType);

/// <summary>The speech engine cannot be used right now (not installed, failed, busy): the caller gets a 503.</summary>
public sealed class SpeechUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
