using System.Text.Json;
using System.Text.RegularExpressions;
using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Gateway.Hosting.Aws;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>Body of <c>POST /api/preview-speech</c>.</summary>
public sealed record PreviewSpeechRequest(string Text, string LanguageCode, string? VoiceId);

internal static partial class SpeechApi
{
    /// <summary>Amazon Polly's limit per request; the local engine keeps the same contract.</summary>
    public const int MaxTextLength = 3000;

    public static IServiceCollection AddSpeech(this IServiceCollection services)
    {
        services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EspeakSpeechSynthesizer>();
        services.AddSignedAwsClient(PollySpeechSynthesizer.Service, provider => provider.GetRequiredService<IOptions<SpeechOptions>>().Value.Polly);
        services.AddSingleton<PollySpeechSynthesizer>();
        services.AddSingleton<ISpeechSynthesizer>(provider =>
            provider.GetRequiredService<IOptions<SpeechOptions>>().Value.Provider == SpeechProvider.Polly
                ? provider.GetRequiredService<PollySpeechSynthesizer>()
                : provider.GetRequiredService<EspeakSpeechSynthesizer>());
        return services;
    }

    public static IEndpointRouteBuilder MapSpeechApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/preview-speech", PreviewAsync).RequireAuthorization().WithTags("Speech").WithName("PreviewSpeech")
            .Accepts<PreviewSpeechRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav", additionalContentTypes: "audio/mpeg");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PreviewAsync(
        HttpContext context, ISpeechSynthesizer speech)
    {
        if (!AccessPolicy.HasAnyAccess(Caller.Of(context)))
            return Problems.Forbidden("Hearing prompts needs access to at least one flow config.");

        var (body, unreadable) = await JsonBody.ReadAsync(context.Request, 64 * 1024);
        if (unreadable is not null) return unreadable;
        using var _ = body;

        var (request, invalid) = Read(body!.RootElement);
        if (invalid is not null) return invalid;
        try
        {
            var audio = await speech.SynthesizeAsync(request!, context.RequestAborted);
            return TypedResults.File(audio.Bytes, audio.ContentType);
        }
        catch (SpeechRejectedException exception)
        {
            return Problems.Field(exception.Field, exception.Message);
        }
        catch (SpeechUnavailableException exception)
        {
            if (exception.RetryAfter is { } retryAfter)
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Speech unavailable", exception.Message);
        }
    }

    private static (SpeechRequest?, ProblemHttpResult?) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, Problems.Field("body", "The body must be a JSON object."));
        string? text = null, language = null, voice = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("text" or "languageCode" or "voiceId"))
                return (null, Problems.Field(property.Name, $"Unknown field '{property.Name}'."));
            if (property.Value.ValueKind == JsonValueKind.Null && property.Name == "voiceId") continue;
            if (property.Value.ValueKind != JsonValueKind.String)
                return (null, Problems.Field(property.Name, $"{property.Name} must be a string."));
            switch (property.Name)
            {
                case "text": text = property.Value.GetString(); break;
                case "languageCode": language = property.Value.GetString(); break;
                default: voice = property.Value.GetString(); break;
            }
        }
        if (string.IsNullOrWhiteSpace(text)) return (null, Problems.Field("text", "text is required."));
        if (text.Length > MaxTextLength) return (null, Problems.Field("text", $"text is {text.Length} characters; at most {MaxTextLength} can be spoken."));
        if (!LanguageCode.IsValid(language)) return (null, Problems.Field("languageCode", "languageCode must look like en-US, arb or cmn-CN."));
        if (voice is not null && !VoiceId().IsMatch(voice)) return (null, Problems.Field("voiceId", "voiceId must be 1–64 letters, digits, '-' or '_'."));
        var isSsml = text.TrimStart().StartsWith("<speak", StringComparison.Ordinal);
        return (new SpeechRequest(text, language, voice, isSsml), null);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex VoiceId();
}
