using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary>Hearing a prompt before it goes live, through the local espeak-ng engine.</summary>
public sealed class SpeechPreviewTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("Thank you for calling the Austin branch.", "en-US")]
    [InlineData("<speak>Gracias por llamar.<break time=\"300ms\"/> Adiós.</speak>", "es-US")]
    public async Task Speaks_text_and_ssml_as_wav(string text, string language)
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        using var response = await reader.PostAsJsonAsync("/api/preview-speech", new { text, languageCode = language, voiceId = "Joanna" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var audio = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF"u8.ToArray(), audio[..4]);
        Assert.Equal("WAVE"u8.ToArray(), audio[8..12]);
        // The RIFF size must describe the bytes actually sent, or browsers cut the audio short.
        Assert.Equal(audio.Length - 8, BitConverter.ToInt32(audio, 4));
        Assert.True(audio.Length > 10_000, "a spoken sentence is more than a header");
    }

    [Fact]
    public async Task Longer_text_gives_longer_audio()
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        async Task<int> LengthAsync(string text)
        {
            using var response = await reader.PostAsJsonAsync("/api/preview-speech", new { text, languageCode = "en-US" });
            return (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        Assert.True(await LengthAsync("Hello. Please hold while we connect you to the next available agent.") > await LengthAsync("Hello."));
    }

    private async Task<HttpResponseMessage> SpeakAsync(string text, string language = "en-US")
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        return await reader.PostAsJsonAsync("/api/preview-speech", new { text, languageCode = language });
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(message, problem["detail"]!.GetValue<string>());
        return message;
    }

    [Theory]
    [InlineData("<speak><audio src=\"/etc/passwd\"/>hi</speak>")]
    [InlineData("<speak><audio src=\"/usr/bin/espeak-ng\"/>hi</speak>")]
    [InlineData("<speak xml:base=\"/usr/bin\"><audio src=\"espeak-ng\">hi</audio></speak>")]
    public async Task Ssml_that_would_play_a_server_file_is_400_naming_text(string text)
    {
        using var response = await SpeakAsync(text);
        var message = await ProblemAsync(response, HttpStatusCode.BadRequest, "text");
        Assert.Matches("^<(audio|speak)> ", message);
    }

    [Theory]
    [InlineData("<speak><voice name=\"x\">hi</voice></speak>", "<voice> is not SSML that Amazon Connect speaks")]
    [InlineData("<!DOCTYPE speak [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><speak>&b;&b;</speak>", "SSML must not contain a document type declaration")]
    [InlineData("<speak><break time=\"soon\"/></speak>", "<break time=\"soon\"> must be a duration")]
    public async Task Ssml_outside_the_allow_list_is_400_naming_text(string text, string problem)
    {
        using var response = await SpeakAsync(text);
        Assert.StartsWith(problem, await ProblemAsync(response, HttpStatusCode.BadRequest, "text"));
    }

    [Fact]
    public async Task Polly_extensions_and_plain_text_that_looks_like_markup_are_spoken()
    {
        using (var ssml = await SpeakAsync("<speak><amazon:effect name=\"whispered\">Thank you</amazon:effect><break time=\"200ms\"/><lang xml:lang=\"es-US\">gracias</lang></speak>"))
            Assert.Equal(HttpStatusCode.OK, ssml.StatusCode);
        using var text = await SpeakAsync("Say <audio src=\"/etc/passwd\"/> and press <1>.");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("RIFF"u8.ToArray(), (await text.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task A_prompt_of_long_pauses_is_cut_at_60_seconds_of_audio()
    {
        // 140 pauses of "60s" (each spoken as Polly's 10 s at most): 23 minutes uncut, 370 MB of WAV before the bound.
        using var response = await SpeakAsync("<speak>" + string.Concat(Enumerable.Repeat("a<break time=\"60s\"/>", 140)) + "</speak>");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audio = await response.Content.ReadAsByteArrayAsync();
        var bytesPerSecond = BitConverter.ToInt32(audio, 28);
        Assert.Equal(22050 * 2, bytesPerSecond);
        Assert.Equal(44 + 60 * bytesPerSecond, audio.Length);
        Assert.Equal(audio.Length - 8, BitConverter.ToInt32(audio, 4));
        Assert.Equal(audio.Length - 44, BitConverter.ToInt32(audio, 40));
    }

    [Fact]
    public async Task A_pause_is_at_most_10_seconds_as_in_Polly()
    {
        using var response = await SpeakAsync("<speak>a<break time=\"30s\"/>b</speak>");
        var audio = await response.Content.ReadAsByteArrayAsync();
        var seconds = (audio.Length - 44) / (double)BitConverter.ToInt32(audio, 28);
        Assert.InRange(seconds, 10, 12);
    }

    [Theory]
    [InlineData("eng")]
    [InlineData("xx")]
    [InlineData("zz-ZZ")]
    [InlineData("fr")]
    public async Task A_language_espeak_cannot_speak_is_400_listing_those_it_can(string language)
    {
        using var response = await SpeakAsync("Hello", language);
        var message = await ProblemAsync(response, HttpStatusCode.BadRequest, "languageCode");
        Assert.StartsWith($"The local speech engine (espeak-ng) cannot speak {language}. Languages it speaks here: ", message);
        Assert.Contains("en-US", message);
        Assert.Contains("es-US", message);
        Assert.Contains("cmn-CN", message);
    }

    [Fact]
    public async Task A_stored_prompt_with_audio_is_400_naming_the_prompt_and_language()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var document = Documents.Branch(greeting: "<speak><audio src=\"/etc/passwd\"/>Hello.</speak>");
        var id = Documents.NewId("speech");

        using var response = await admin.PostAsync(Documents.Path(id), Documents.Json(document));

        Assert.StartsWith("<audio> is not allowed", await ProblemAsync(response, HttpStatusCode.BadRequest, "prompts.greeting.en-US.voice"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(id))).StatusCode);
    }
}

/// <summary>A machine without espeak-ng: the preview says so plainly instead of failing obscurely.</summary>
public sealed class SpeechUnavailableTests(SpeechUnavailableTests.NoEspeakFixture fixture) : IClassFixture<SpeechUnavailableTests.NoEspeakFixture>
{
    public sealed class NoEspeakFixture : GatewayFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("FlowConfigs:Speech:EspeakPath", "/nonexistent/espeak-ng")];
    }

    [Fact]
    public async Task Missing_engine_is_a_503_problem()
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        using var response = await reader.PostAsJsonAsync("/api/preview-speech", new { text = "Hello", languageCode = "en-US" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("espeak-ng", problem["detail"]!.GetValue<string>());
    }
}
