using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FlowConfigs.Gateway.Hosting.Aws;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// Amazon Polly, the voice callers actually hear: SynthesizeSpeech as mp3 with the neural engine where the voice has
/// it. The voice list (DescribeVoices) is kept for a few minutes; it tells which engines a voice supports, which voice
/// speaks a language when the prompt names none, and which voices settings may name. Audio is cached by text, voice, engine and language. Requests go through the
/// signed, retrying <see cref="SignedAwsClient"/> named <see cref="Service"/>.
/// </summary>
internal sealed class PollySpeechSynthesizer : ISpeechSynthesizer, IDisposable
{
    public const string ServiceName = "polly";
    public static readonly AwsService Service = new(ServiceName, "polly", "polly", "FlowConfigs:Speech:Polly");
    private const string DisplayName = "Polly";
    // SSML goes over the wire as written (<speak>, not \u003Cspeak\u003E): it is what Polly bills and what operators read in logs.
    private static readonly PollyJson WireJson = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private readonly IHttpClientFactory _http;
    private readonly AwsServiceEndpoint _endpoint;
    private readonly PollyOptions _options;
    private readonly MemoryCache _cache;
    private readonly ILogger<PollySpeechSynthesizer> _logger;
    private readonly ExpiringValue<IReadOnlyList<PollyVoice>> _voices;

    public PollySpeechSynthesizer(IOptions<SpeechOptions> options, IHttpClientFactory http,
        [FromKeyedServices(ServiceName)] AwsServiceEndpoint endpoint, TimeProvider clock, ILogger<PollySpeechSynthesizer> logger)
    {
        _options = options.Value.Polly;
        _http = http;
        _endpoint = endpoint;
        _logger = logger;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.CacheMegabytes) * 1024L * 1024 });
        // The signed client's own total timeout bounds the load.
        _voices = new ExpiringValue<IReadOnlyList<PollyVoice>>(() => LoadVoicesAsync(CancellationToken.None),
            TimeSpan.FromMinutes(options.Value.VoiceListMinutes), clock);
    }

    public Uri Endpoint => _endpoint.Url;

    public string Region => _endpoint.Region.SystemName;

    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var voice = await ChooseVoiceAsync(request, cancellationToken);
        var engine = voice.Supports(_options.Engine) ? _options.Engine
            : voice.Supports("standard") ? "standard" : voice.SupportedEngines?.FirstOrDefault() ?? "standard";
        // A bilingual voice may be asked for its other language; any other language code would be refused.
        var language = voice.Speaks(request.LanguageCode) ? request.LanguageCode : null;
        var key = string.Join('\u001f', engine, voice.Id, language, request.IsSsml, request.Text);
        if (_options.CacheMegabytes > 0 && _cache.TryGetValue(key, out SpeechAudio? cached))
            return cached!;

        var body = new SynthesizeSpeechBody(engine, language, "mp3", request.Text, request.IsSsml ? "ssml" : "text", voice.Id);
        using var synthesize = new HttpRequestMessage(HttpMethod.Post, "v1/speech") { Content = JsonContent.Create(body, WireJson.SynthesizeSpeechBody) };
        using var response = await SendAsync(synthesize, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw Map(await AwsServiceException.ReadAsync(DisplayName, response, cancellationToken));

        var audio = new SpeechAudio(await response.Content.ReadAsByteArrayAsync(cancellationToken),
            response.Content.Headers.ContentType?.MediaType ?? "audio/mpeg");
        if (_options.CacheMegabytes > 0)
            _cache.Set(key, audio, new MemoryCacheEntryOptions { Size = audio.Bytes.Length + key.Length * 2 });
        return audio;
    }

    /// <summary>Reads the voice list: the start-up and readiness check (credentials, region, endpoint, IAM).</summary>
    public Task<IReadOnlyList<PollyVoice>> VoicesAsync(CancellationToken cancellationToken = default) => _voices.GetAsync(cancellationToken);

    public async Task<SpeechVoiceList> ListVoicesAsync(CancellationToken cancellationToken)
    {
        var voices = await ReadVoicesAsync(cancellationToken);
        return new SpeechVoiceList("Amazon Polly", voices
            .Select(v => new SpeechVoice(v.Id, v.Name ?? v.Id, new[] { v.LanguageCode }.Concat(v.AdditionalLanguageCodes ?? []).OfType<string>().Distinct().ToArray(), v.Gender))
            .OrderBy(v => v.Id, StringComparer.Ordinal)
            .ToArray());
    }

    /// <summary>The voice list, or the caller's 503 when Polly cannot give it.</summary>
    private async Task<IReadOnlyList<PollyVoice>> ReadVoicesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await VoicesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is AwsServiceException or HttpRequestException or TimeoutRejectedException or JsonException or InvalidOperationException)
        {
            throw Unavailable(exception);
        }
    }

    private async Task<PollyVoice> ChooseVoiceAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var voices = await ReadVoicesAsync(cancellationToken);
        if (!voices.Any(v => v.Speaks(request.LanguageCode)))
        {
            var languages = voices.SelectMany(v => (string?[])[v.LanguageCode, .. v.AdditionalLanguageCodes ?? []])
                .OfType<string>().Distinct().Order(StringComparer.Ordinal);
            throw new SpeechRejectedException("languageCode",
                $"Amazon Polly has no voice for {request.LanguageCode}. Languages it speaks: {string.Join(", ", languages)}.");
        }
        if (request.VoiceId is { } id)
        {
            var known = voices.FirstOrDefault(v => string.Equals(v.Id, id, StringComparison.OrdinalIgnoreCase));
            if (known is not null) return known;
            var names = string.Join(", ", VoicesFor(voices, request.LanguageCode).Select(v => v.Id));
            throw new SpeechRejectedException("voiceId",
                $"Amazon Polly has no voice '{id}'. Voices for {request.LanguageCode}: {(names.Length > 0 ? names : "none")}.");
        }
        return VoicesFor(voices, request.LanguageCode).First();
    }

    /// <summary>Voices speaking the language, those with the preferred engine first.</summary>
    private IEnumerable<PollyVoice> VoicesFor(IReadOnlyList<PollyVoice> voices, string languageCode) =>
        voices.Where(v => v.Speaks(languageCode))
            .OrderBy(v => v.Supports(_options.Engine) ? 0 : 1).ThenBy(v => v.LanguageCode == languageCode ? 0 : 1);

    private async Task<IReadOnlyList<PollyVoice>> LoadVoicesAsync(CancellationToken cancellationToken)
    {
        var voices = new List<PollyVoice>();
        string? next = null;
        do
        {
            var uri = "v1/voices?IncludeAdditionalLanguageCodes=true" + (next is null ? "" : "&NextToken=" + Uri.EscapeDataString(next));
            using var describe = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await SendAsync(describe, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw await AwsServiceException.ReadAsync(DisplayName, response, cancellationToken);
            var page = await response.Content.ReadFromJsonAsync(WireJson.DescribeVoicesPage, cancellationToken)
                ?? throw new InvalidOperationException("Polly DescribeVoices returned no body.");
            voices.AddRange(page.Voices ?? []);
            next = page.NextToken;
        } while (!string.IsNullOrEmpty(next));
        _logger.LogInformation("Amazon Polly in {Region}: {Count} voices", Region, voices.Count);
        return voices;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.CreateClient(ServiceName).SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            throw Unavailable(exception);
        }
    }

    private Exception Map(AwsServiceException error) => error.ErrorType switch
    {
        "InvalidSsmlException" or "SsmlMarksNotSupportedForTextTypeException" =>
            new SpeechRejectedException("text", $"Amazon Polly cannot read this SSML: {error.ServiceMessage}"),
        "TextLengthExceededException" => new SpeechRejectedException("text", $"Amazon Polly says the text is too long: {error.ServiceMessage}"),
        "LanguageNotSupportedException" => new SpeechRejectedException("languageCode", error.ServiceMessage),
        "EngineNotSupportedException" => new SpeechRejectedException("voiceId", error.ServiceMessage),
        _ => Unavailable(error),
    };

    private SpeechUnavailableException Unavailable(Exception error)
    {
        if (error is AwsServiceException { IsThrottling: true })
            return new SpeechUnavailableException("Amazon Polly is busy right now; try again in a moment.", error, TimeSpan.FromSeconds(1));
        _logger.LogWarning(error, "Amazon Polly failed");
        return new SpeechUnavailableException(error is AwsServiceException aws
            ? $"Amazon Polly refused the request ({aws.ErrorType}): {aws.ServiceMessage}"
            : $"Amazon Polly could not be reached at {Endpoint}.", error);
    }

    public void Dispose() => _cache.Dispose();
}

public sealed record PollyVoice
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Gender { get; init; }
    public string? LanguageCode { get; init; }
    public IReadOnlyList<string>? SupportedEngines { get; init; }
    public IReadOnlyList<string>? AdditionalLanguageCodes { get; init; }

    public bool Supports(string engine) => SupportedEngines?.Contains(engine) == true;

    public bool Speaks(string languageCode) => LanguageCode == languageCode || AdditionalLanguageCodes?.Contains(languageCode) == true;
}

internal sealed record SynthesizeSpeechBody(
    string Engine,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LanguageCode,
    string OutputFormat,
    string Text,
    string TextType,
    string VoiceId);

internal sealed record DescribeVoicesPage(IReadOnlyList<PollyVoice>? Voices, string? NextToken);

/// <summary>Polly's rest-json: PascalCase members, as on the wire.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(SynthesizeSpeechBody))]
[JsonSerializable(typeof(DescribeVoicesPage))]
internal sealed partial class PollyJson : JsonSerializerContext;
