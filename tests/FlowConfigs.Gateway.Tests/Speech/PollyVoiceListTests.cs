using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Gateway.Tests.Settings;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary><c>GET /api/speech/voices</c> and the settings check with Amazon Polly (a loopback stand-in).</summary>
public sealed class PollyVoiceListTests(PollyGatewayFixture fixture) : IClassFixture<PollyGatewayFixture>
{
    [Fact]
    public async Task Lists_Pollys_voices_from_one_signed_DescribeVoices_read_across_pages_kept_for_minutes()
    {
        using var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        using var first = await reader.GetAsync("/api/speech/voices");
        using var second = await reader.GetAsync("/api/speech/voices");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var list = await first.ReadObjectAsync();
        Assert.Equal("Amazon Polly", list["provider"]!.GetValue<string>());
        Assert.Equal("""
            [{"id":"Aditi","name":"Aditi","languageCodes":["en-IN","hi-IN"]},{"id":"Amy","name":"Amy","languageCodes":["en-GB"],"gender":"Female"},{"id":"Brian","name":"Brian","languageCodes":["en-GB"]},{"id":"Lupe","name":"Lupe","languageCodes":["es-US"]}]
            """, list["voices"]!.ToJsonString());
        Assert.Equal(list.ToJsonString(), (await second.ReadObjectAsync()).ToJsonString());

        // Both answers (and the readiness probe's) came from one read of the two pages.
        var pages = fixture.Polly.Take("/v1/voices");
        Assert.Equal(["?IncludeAdditionalLanguageCodes=true", "?IncludeAdditionalLanguageCodes=true&NextToken=page%2F2"], pages.Select(p => p.Query));
        foreach (var page in pages)
        {
            Assert.Equal("GET", page.Method);
            Assert.Empty(page.Body);
            Assert.False(page.Headers.ContainsKey("content-type"));
            var signature = SigV4.Verify(page, PollyGatewayFixture.SecretKey, "eu-west-2", "polly");
            Assert.Equal("test", signature.AccessKey);
        }
    }

    [Fact]
    public async Task Settings_accept_a_Polly_voice_only_for_a_language_it_speaks()
    {
        using var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        using (var saved = await admin.PostAsync("/api/settings", Documents.Json(SettingsVoiceTests.Settings(
                   ("en-GB", "English (UK)", ["Amy", "Brian"]), ("hi-IN", "Hindi", ["Aditi"])))))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        using var refused = await admin.PostAsync("/api/settings", Documents.Json(SettingsVoiceTests.Settings(
            ("en-GB", "English (UK)", ["Amy"]), ("es-US", "Spanish (US)", ["Lupe", "Amy", "Joanna"]))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["locales[1].voices[1]", "locales[1].voices[2]"], errors.Select(e => e.Key).Order());
        Assert.Equal("Amy does not speak Spanish (US) (es-US). Choose one of: Lupe.", errors["locales[1].voices[1]"]![0]!.GetValue<string>());
        Assert.Equal("Amazon Polly has no voice called Joanna. Choose one of: Lupe.", errors["locales[1].voices[2]"]![0]!.GetValue<string>());
    }
}

/// <summary>Polly's DescribeVoices failing, then back: a quick 503 each time, never a 500, and nothing kept of the failure.</summary>
public sealed class PollyVoiceListOutageTests(PollyVoiceListOutageTests.VoicesDownFixture fixture) : IClassFixture<PollyVoiceListOutageTests.VoicesDownFixture>
{
    public sealed class VoicesDownFixture : PollyGatewayFixture
    {
        public volatile bool VoicesDown = true;

        protected override LoopbackAwsEndpoint.Reply Respond(LoopbackAwsEndpoint.Received request) =>
            VoicesDown && request.Path == "/v1/voices"
                ? LoopbackAwsEndpoint.Reply.Json("""{"__type":"ServiceFailure","message":"Internal failure"}""", 500)
                : base.Respond(request);
    }

    [Fact]
    public async Task The_list_and_a_save_with_voices_are_503_while_Polly_fails_and_work_once_it_answers()
    {
        using var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var before = (await (await admin.GetAsync("/api/settings")).ReadObjectAsync())["version"]!.GetValue<long>();
        var settings = SettingsVoiceTests.Settings(("en-GB", "English (UK)", ["Amy"]));

        using (var list = await admin.GetAsync("/api/speech/voices"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
            Assert.Equal("1", list.Headers.RetryAfter?.ToString());
            Assert.Equal("Amazon Polly refused the request (ServiceFailure): Internal failure", (await list.ReadObjectAsync())["detail"]!.GetValue<string>());
        }
        using (var save = await admin.PostAsync("/api/settings", Documents.Json(settings)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            Assert.NotNull(save.Headers.RetryAfter);
            Assert.Equal("The settings were not saved: the voices could not be checked because the speech provider's voice list cannot be read. "
                + "Amazon Polly refused the request (ServiceFailure): Internal failure", (await save.ReadObjectAsync())["detail"]!.GetValue<string>());
        }
        Assert.Equal(before, (await (await admin.GetAsync("/api/settings")).ReadObjectAsync())["version"]!.GetValue<long>());

        fixture.VoicesDown = false;
        using (var list = await admin.GetAsync("/api/speech/voices"))
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (var save = await admin.PostAsync("/api/settings", Documents.Json(settings)))
            Assert.Equal(HttpStatusCode.OK, save.StatusCode);
    }
}
