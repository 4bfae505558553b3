using FlowConfigs.Grains.Tests.Storage;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary>The gateway with <c>FlowConfigs:Speech:Provider=Polly</c>, its Polly endpoint a loopback stand-in.</summary>
public class PollyGatewayFixture : GatewayFixture
{
    public const string SecretKey = DynaliteFixture.SecretKey;
    public LoopbackAwsEndpoint Polly { get; } = new();

    public static readonly byte[] Mp3 = [0xFF, 0xFB, 0x90, 0x64, 1, 2, 3, 4];

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("FlowConfigs:Speech:Provider", "Polly"),
        new("FlowConfigs:Speech:Polly:ServiceUrl", Polly.Url),
        new("FlowConfigs:Speech:Polly:Region", "eu-west-2"),
    ];

    public override async Task InitializeAsync()
    {
        DynaliteFixture.UseTestCredentials();
        Polly.Respond = request => Respond(request);
        await Polly.InitializeAsync();
        await base.InitializeAsync();
    }

    /// <summary>What the stand-in answers; a derived fixture may break part of it.</summary>
    protected virtual LoopbackAwsEndpoint.Reply Respond(LoopbackAwsEndpoint.Received request) => Answer(request);

    private static int _throttledOnce;

    /// <summary>Two pages of voices; speech answers by what the text asks for.</summary>
    private static LoopbackAwsEndpoint.Reply Answer(LoopbackAwsEndpoint.Received request)
    {
        if (request.Path == "/v1/voices")
        {
            return request.Query.Contains("NextToken=page%2F2")
                ? LoopbackAwsEndpoint.Reply.Json("""{"Voices":[{"Id":"Brian","LanguageCode":"en-GB","SupportedEngines":["standard"]}]}""")
                : LoopbackAwsEndpoint.Reply.Json("""
                    {"Voices":[
                      {"Id":"Amy","LanguageCode":"en-GB","SupportedEngines":["neural","standard"],"Gender":"Female","Name":"Amy"},
                      {"Id":"Lupe","LanguageCode":"es-US","SupportedEngines":["neural","standard"]},
                      {"Id":"Aditi","LanguageCode":"en-IN","AdditionalLanguageCodes":["hi-IN"],"SupportedEngines":["standard"]}
                    ],"NextToken":"page/2"}
                    """);
        }
        var body = JsonNode.Parse(request.Body)!;
        var text = body["Text"]!.GetValue<string>();
        if (text.Contains("broken-ssml"))
            return LoopbackAwsEndpoint.Reply.Json("""{"message":"Invalid SSML request"}""", 400, new Dictionary<string, string> { ["x-amzn-ErrorType"] = "InvalidSsmlException:http://internal.amazon.com/coral/com.amazonaws.parrot.service/" });
        if (text.Contains("throttled-once") && Interlocked.Increment(ref _throttledOnce) == 1)
        {
            // Answered once the second it was signed in has passed: a retry signed afresh carries a later date.
            var signedAt = DateTime.ParseExact(request.Headers["x-amz-date"], "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            while (DateTime.UtcNow < signedAt.AddSeconds(1))
                Thread.Sleep(20);
            return LoopbackAwsEndpoint.Reply.Json("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", 400);
        }
        if (text.Contains("too-busy"))
            return LoopbackAwsEndpoint.Reply.Json("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", 400);
        if (text.Contains("no-permission"))
            return LoopbackAwsEndpoint.Reply.Json("""{"Message":"User is not authorized to perform: polly:SynthesizeSpeech"}""", 403, new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException" });
        return new LoopbackAwsEndpoint.Reply(200, "audio/mpeg", [.. Mp3, .. System.Text.Encoding.UTF8.GetBytes(text)]);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Polly.DisposeAsync();
    }
}

public sealed class PollySpeechTests(PollyGatewayFixture fixture) : IClassFixture<PollyGatewayFixture>
{
    private async Task<HttpResponseMessage> SpeakAsync(object body)
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        return await reader.PostAsJsonAsync("/api/preview-speech", body);
    }

    private LoopbackAwsEndpoint.Received[] SpeechRequestsFor(string text) =>
        fixture.Polly.Take("/v1/speech").Where(r => r.BodyText.Contains(text)).ToArray();

    [Fact]
    public async Task Ssml_is_spoken_by_the_chosen_neural_voice_as_mp3_in_a_signed_request()
    {
        const string text = "<speak>Welcome to the London branch.</speak>";
        using var response = await SpeakAsync(new { text, languageCode = "en-GB", voiceId = "Amy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PollyGatewayFixture.Mp3, (await response.Content.ReadAsByteArrayAsync())[..PollyGatewayFixture.Mp3.Length]);

        var sent = Assert.Single(SpeechRequestsFor("London branch"));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v1/speech", sent.Path);
        Assert.StartsWith("application/json", sent.Headers["content-type"]);
        Assert.Equal("""{"Engine":"neural","LanguageCode":"en-GB","OutputFormat":"mp3","Text":"<speak>Welcome to the London branch.</speak>","TextType":"ssml","VoiceId":"Amy"}""",
            sent.BodyText);
        var signature = SigV4.Verify(sent, PollyGatewayFixture.SecretKey, "eu-west-2", "polly");
        Assert.Equal("test", signature.AccessKey);
        Assert.Contains("x-amz-date", signature.SignedHeaders);
        // The check is real: the same request with one byte of the body changed does not verify.
        var tampered = sent with { Body = [.. sent.Body[..^2], (byte)'!', sent.Body[^1]] };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SigV4.Verify(tampered, PollyGatewayFixture.SecretKey, "eu-west-2", "polly"));
    }

    [Fact]
    public async Task The_voice_list_is_read_signed_across_pages()
    {
        using var response = await SpeakAsync(new { text = "Paged voice.", languageCode = "en-GB", voiceId = "Brian" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pages = fixture.Polly.Take("/v1/voices");
        Assert.Contains(pages, p => p.Query.Contains("NextToken=page%2F2"));
        foreach (var page in pages)
        {
            Assert.Equal("GET", page.Method);
            Assert.Contains("IncludeAdditionalLanguageCodes=true", page.Query);
            SigV4.Verify(page, PollyGatewayFixture.SecretKey, "eu-west-2", "polly");
        }
    }

    [Fact]
    public async Task A_voice_without_the_neural_engine_uses_standard()
    {
        using var response = await SpeakAsync(new { text = "Standard only.", languageCode = "en-GB", voiceId = "Brian" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(Assert.Single(SpeechRequestsFor("Standard only.")).Body)!;
        Assert.Equal("standard", body["Engine"]!.GetValue<string>());
        Assert.Equal("Brian", body["VoiceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_voice_the_language_picks_one_and_a_bilingual_voice_keeps_the_language()
    {
        using (var response = await SpeakAsync(new { text = "Hola, sin voz.", languageCode = "es-US" }))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spanish = JsonNode.Parse(Assert.Single(SpeechRequestsFor("Hola, sin voz.")).Body)!;
        Assert.Equal("Lupe", spanish["VoiceId"]!.GetValue<string>());
        Assert.Equal("neural", spanish["Engine"]!.GetValue<string>());

        using (var response = await SpeakAsync(new { text = "Namaste, bilingual.", languageCode = "hi-IN" }))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hindi = JsonNode.Parse(Assert.Single(SpeechRequestsFor("Namaste, bilingual.")).Body)!;
        Assert.Equal("Aditi", hindi["VoiceId"]!.GetValue<string>());
        Assert.Equal("hi-IN", hindi["LanguageCode"]!.GetValue<string>());

        // A voice asked for a language it does not speak is sent without one, so Polly uses the voice's own.
        using (var response = await SpeakAsync(new { text = "Mismatched language.", languageCode = "es-US", voiceId = "Amy" }))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(JsonNode.Parse(Assert.Single(SpeechRequestsFor("Mismatched language.")).Body)!["LanguageCode"]);
    }

    [Fact]
    public async Task Replaying_the_same_prompt_is_served_from_the_cache()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await SpeakAsync(new { text = "Cached prompt.", languageCode = "en-GB", voiceId = "Amy" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Single(SpeechRequestsFor("Cached prompt."));

        // Another voice is another recording.
        using (await SpeakAsync(new { text = "Cached prompt.", languageCode = "en-GB", voiceId = "Brian" })) { }
        Assert.Equal(2, SpeechRequestsFor("Cached prompt.").Length);
    }

    [Theory]
    [InlineData("eng", null)]
    [InlineData("zz-ZZ", "Amy")]
    public async Task A_language_no_Polly_voice_speaks_is_400_listing_the_languages_Polly_speaks(string language, string? voice)
    {
        using var response = await SpeakAsync(new { text = "Unspoken " + language, languageCode = language, voiceId = voice });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"Amazon Polly has no voice for {language}. Languages it speaks: en-GB, en-IN, es-US, hi-IN.", problem["detail"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["languageCode"]);
        Assert.Empty(SpeechRequestsFor("Unspoken " + language));
    }

    [Fact]
    public async Task Ssml_outside_the_allow_list_never_reaches_Polly()
    {
        using var response = await SpeakAsync(new { text = "<speak><audio src=\"/etc/passwd\"/>never sent</speak>", languageCode = "en-GB", voiceId = "Amy" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("<audio> is not allowed", problem["errors"]!["text"]![0]!.GetValue<string>());
        Assert.Empty(SpeechRequestsFor("never sent"));
    }

    [Fact]
    public async Task Amazon_ssml_goes_to_Polly_as_written()
    {
        const string text = "<speak><amazon:effect name=\"whispered\">A quiet word.</amazon:effect><break time=\"30s\"/></speak>";
        using var response = await SpeakAsync(new { text, languageCode = "en-GB", voiceId = "Amy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, JsonNode.Parse(Assert.Single(SpeechRequestsFor("A quiet word.")).Body)!["Text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<speak>broken-ssml</speak>", "Amy", HttpStatusCode.BadRequest, "text", "Amazon Polly cannot read this SSML: Invalid SSML request")]
    [InlineData("Hello", "Nobody", HttpStatusCode.BadRequest, "voiceId", "Amazon Polly has no voice 'Nobody'. Voices for en-GB: Amy, Brian.")]
    [InlineData("too-busy", "Amy", HttpStatusCode.ServiceUnavailable, null, "Amazon Polly is busy right now; try again in a moment.")]
    [InlineData("no-permission", "Amy", HttpStatusCode.ServiceUnavailable, null, "Amazon Polly refused the request (AccessDeniedException): User is not authorized to perform: polly:SynthesizeSpeech")]
    public async Task Polly_errors_become_clear_problems(string text, string voice, HttpStatusCode status, string? field, string detail)
    {
        using var response = await SpeakAsync(new { text, languageCode = "en-GB", voiceId = voice });
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        if (field is not null)
            Assert.NotNull(problem["errors"]![field]);
        if (text == "too-busy")
        {
            Assert.Equal("1", response.Headers.RetryAfter?.ToString());
            // The first answer and two retries, then the caller is told.
            Assert.Equal(3, SpeechRequestsFor("too-busy").Length);
        }
    }

    [Fact]
    public async Task A_throttled_answer_is_retried_and_the_retry_is_signed_afresh()
    {
        using var response = await SpeakAsync(new { text = "throttled-once, then spoken.", languageCode = "en-GB", voiceId = "Amy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = SpeechRequestsFor("throttled-once");
        Assert.Equal(2, attempts.Length);
        var first = SigV4.Verify(attempts[0], PollyGatewayFixture.SecretKey, "eu-west-2", "polly");
        var retry = SigV4.Verify(attempts[1], PollyGatewayFixture.SecretKey, "eu-west-2", "polly");
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        // A replayed first signature would carry the first attempt's date.
        Assert.True(string.CompareOrdinal(attempts[1].Headers["x-amz-date"], attempts[0].Headers["x-amz-date"]) > 0,
            $"retry signed at {attempts[1].Headers["x-amz-date"]}, first attempt at {attempts[0].Headers["x-amz-date"]}");
        Assert.NotEqual(first.Signature, retry.Signature);
    }
}
