using FlowConfigs.Domain.Prompts;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>Turns a prompt into audio so a business user hears it before it goes live.</summary>
public interface ISpeechSynthesizer
{
    Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken);

    /// <summary>The voices this provider offers, kept for <see cref="SpeechOptions.VoiceListMinutes"/>.</summary>
    /// <exception cref="SpeechUnavailableException">The list cannot be read now.</exception>
    Task<SpeechVoiceList> ListVoicesAsync(CancellationToken cancellationToken);
}

/// <param name="Text">As the caller wrote it: what Polly reads.</param>
/// <param name="Markup">The allow-listed SSML tree when <paramref name="Text"/> is SSML: what a local engine is given to rewrite.</param>
public sealed record SpeechRequest(string Text, string LanguageCode, string? VoiceId, SsmlElement? Markup)
{
    public bool IsSsml => Markup is not null;
}

/// <param name="Bytes">The audio, possibly a slice of a larger buffer: no copy is made to trim it.</param>
public sealed record SpeechAudio(ReadOnlyMemory<byte> Bytes, string ContentType);

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
