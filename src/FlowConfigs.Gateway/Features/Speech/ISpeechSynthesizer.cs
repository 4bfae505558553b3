namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>Turns a prompt into audio so a business user hears it before it goes live.</summary>
public interface ISpeechSynthesizer
{
    Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken);
}

public sealed record SpeechRequest(string Text, string LanguageCode, string? VoiceId, bool IsSsml);

public sealed record SpeechAudio(byte[] Bytes, string ContentType);

/// <summary>The speech engine cannot be used right now (not installed, failed, busy): the caller gets a 503.</summary>
public sealed class SpeechUnavailableException(string message, Exception? inner = null, TimeSpan? retryAfter = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The engine refused this input (bad SSML, unknown voice, too long): the caller gets a 400 naming <see cref="Field"/>.</summary>
public sealed class SpeechRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
