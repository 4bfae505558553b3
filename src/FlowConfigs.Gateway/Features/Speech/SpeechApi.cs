using System.Text.Json;
using System.Text.RegularExpressions;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Prompts;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Hosting.Aws;
using FlowConfigs.Gateway.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>Body of <c>POST /api/preview-speech</c>.</summary>
public sealed record PreviewSpeechRequest(string Text, string LanguageCode, string? VoiceId);

internal static partial class SpeechApi
{
    /// <summary>Amazon Polly's limit per request; the local engine keeps the same contract.</summary>
    public const int MaxTextLength = 3000;

    public static WebApplicationBuilder AddSpeech(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EspeakSpeechSynthesizer>();
        services.AddSignedAwsClient(PollySpeechSynthesizer.Service, provider => provider.GetRequiredService<IOptions<SpeechOptions>>().Value.Polly);
        services.AddSingleton<PollySpeechSynthesizer>();
        services.AddSingleton<ISpeechSynthesizer>(provider =>
            provider.GetRequiredService<IOptions<SpeechOptions>>().Value.Provider == SpeechProvider.Polly
                ? provider.GetRequiredService<PollySpeechSynthesizer>()
                : provider.GetRequiredService<EspeakSpeechSynthesizer>());
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, SpeechRateLimit>(SpeechRateLimit.Policy));
        services.AddHealthChecks().AddCheck<SpeechCheck>("speech", HealthStatus.Degraded, tags: [DependencyHealth.Ready, DependencyHealth.Startup]);
        return builder;
    }

    public static IEndpointRouteBuilder MapSpeechApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/preview-speech", PreviewAsync).RequireAuthorization().WithTags("Speech").WithName("PreviewSpeech")
            .RequireRateLimiting(SpeechRateLimit.Policy)
            .Accepts<PreviewSpeechRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav", additionalContentTypes: "audio/mpeg")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapGet("/api/speech/voices", VoicesAsync).RequireAuthorization().WithTags("Speech").WithName("ListVoices");
        return app;
    }

    /// <summary>The provider's own voices, for the settings pickers: what settings may name is exactly what is offered.</summary>
    public static async Task<Results<Ok<SpeechVoiceList>, ForbiddenProblem, UnavailableProblem>> VoicesAsync(
        HttpContext context, ISpeechSynthesizer speech, Principal caller)
    {
        if (!AccessPolicy.HasAnyAccess(caller))
            return Problems.Forbidden("Listing voices needs access to at least one flow config.");
        try
        {
            return TypedResults.Ok(await speech.ListVoicesAsync(context.RequestAborted));
        }
        catch (SpeechUnavailableException exception)
        {
            return Problems.Unavailable("Voices unavailable", exception.Message, exception.RetryAfter);
        }
    }

    public static async Task<Results<FileContentHttpResult, ForbiddenProblem, BodyProblem, UnavailableProblem>> PreviewAsync(
        HttpContext context, ISpeechSynthesizer speech, Principal caller)
    {
        if (!AccessPolicy.HasAnyAccess(caller))
            return Problems.Forbidden("Hearing prompts needs access to at least one flow config.");

        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, 64 * 1024);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var (request, invalid) = Read(body!.RootElement);
        if (invalid is not null) return invalid;
        try
        {
            var audio = await speech.SynthesizeAsync(request!, context.RequestAborted);
            return TypedResults.Bytes(audio.Bytes, audio.ContentType);
        }
        catch (SpeechRejectedException exception)
        {
            return Problems.Body(exception.Field, exception.Message);
        }
        catch (SpeechUnavailableException exception)
        {
            return Problems.Unavailable("Speech unavailable", exception.Message, exception.RetryAfter);
        }
    }

    private static (SpeechRequest?, BodyProblem?) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, Problems.Body("body", "The body must be a JSON object."));
        string? text = null, language = null, voice = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("text" or "languageCode" or "voiceId"))
                return (null, Problems.Body(property.Name, $"Unknown field '{property.Name}'."));
            if (property.Value.ValueKind == JsonValueKind.Null && property.Name == "voiceId") continue;
            if (property.Value.ValueKind != JsonValueKind.String)
                return (null, Problems.Body(property.Name, $"{property.Name} must be a string."));
            switch (property.Name)
            {
                case "text": text = property.Value.GetString(); break;
                case "languageCode": language = property.Value.GetString(); break;
                default: voice = property.Value.GetString(); break;
            }
        }
        if (string.IsNullOrWhiteSpace(text)) return (null, Problems.Body("text", "text is required."));
        if (text.Length > MaxTextLength) return (null, Problems.Body("text", $"text is {text.Length} characters; at most {MaxTextLength} can be spoken."));
        if (!LanguageCode.IsValid(language)) return (null, Problems.Body("languageCode", "languageCode must look like en-US, arb or cmn-CN."));
        if (voice is not null && !VoiceId().IsMatch(voice)) return (null, Problems.Body("voiceId", "voiceId must be 1–64 letters, digits, '-' or '_'."));
        if (!SsmlPolicy.IsMarkup(text))
            return (new SpeechRequest(text, language, voice, null), null);
        var ssml = SsmlPolicy.Read(text);
        return ssml.Problem is { } problem
            ? (null, Problems.Body("text", problem))
            : (new SpeechRequest(text, language, voice, ssml.Root), null);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex VoiceId();

    private sealed class SpeechCheck(IServiceProvider services, IOptions<SpeechOptions> options) : ProbeHealthCheck
    {
        protected override async Task<string> ProbeAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Provider == SpeechProvider.Polly)
            {
                var voices = await services.GetRequiredService<PollySpeechSynthesizer>().VoicesAsync(cancellationToken);
                return $"Amazon Polly, {voices.Count} voices";
            }
            var path = options.Value.EspeakPath;
            var found = Path.IsPathRooted(path) ? File.Exists(path)
                : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, path)));
            // Not a start-up error: a laptop without espeak-ng still serves everything but the preview.
            return found ? $"espeak-ng ({path})" : throw new FileNotFoundException($"espeak-ng ('{path}') is not installed; speech preview answers 503.");
        }
    }
}
