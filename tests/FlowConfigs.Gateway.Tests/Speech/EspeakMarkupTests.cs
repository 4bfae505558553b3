using System.Diagnostics;
using FlowConfigs.Domain.Prompts;
using FlowConfigs.Gateway.Features.Speech;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary>What espeak-ng is handed: markup written by us from the allow-listed tree, never the caller's.</summary>
public sealed class EspeakMarkupTests
{
    private static readonly Dictionary<string, string> Installed = new() { ["fr-FR"] = "fr-fr", ["en-US"] = "en-us" };

    private static string Sanitize(string ssml)
    {
        var reading = SsmlPolicy.Read(ssml);
        Assert.Null(reading.Problem);
        return EspeakMarkup.FromSsml(reading.Root!, code => Installed.GetValueOrDefault(code));
    }

    [Theory]
    [InlineData("<speak>Hello <break time=\"60s\"/> again<break time=\"1.5s\"/>.</speak>",
        "<speak>Hello <break time=\"10000ms\" /> again<break time=\"1500ms\" />.</speak>")]
    [InlineData("<speak>a<break strength=\"x-weak\"/>b<break strength=\"weak\"/>c<break strength=\"x-strong\"/>d<break/></speak>",
        "<speak>a<break strength=\"none\" />b<break strength=\"medium\" />c<break strength=\"x-strong\" />d<break /></speak>")]
    [InlineData("<speak><break strength=\"strong\" time=\"2s\"/></speak>", "<speak><break time=\"2000ms\" /></speak>")]
    [InlineData("<speak><amazon:effect name=\"whispered\">psst</amazon:effect> <amazon:domain name=\"news\">news</amazon:domain><amazon:breath/></speak>",
        "<speak>psst news</speak>")]
    [InlineData("<speak><amazon:emotion name=\"excited\" intensity=\"high\"><amazon:auto-breaths>yes</amazon:auto-breaths></amazon:emotion></speak>",
        "<speak>yes</speak>")]
    [InlineData("<speak>The <sub alias=\"World Wide Web &amp; more\">WWW</sub> <mark name=\"m1\"/>is <w role=\"amazon:VBD\">read</w>.</speak>",
        "<speak>The World Wide Web &amp; more is read.</speak>")]
    [InlineData("<speak><phoneme alphabet=\"ipa\" ph=\"pɪˈkɑːn\">pecan</phoneme></speak>", "<speak>pecan</speak>")]
    [InlineData("<speak><say-as interpret-as=\"spell-out\">abc</say-as><say-as interpret-as=\"telephone\">555</say-as><say-as interpret-as=\"digits\">12</say-as><say-as interpret-as=\"date\" format=\"mdy\">1/2/2026</say-as></speak>",
        "<speak><say-as interpret-as=\"characters\">abc</say-as><say-as interpret-as=\"telephone\">555</say-as><say-as interpret-as=\"tts:digits\">12</say-as>1/2/2026</speak>")]
    [InlineData("<speak><emphasis level=\"strong\">a</emphasis><emphasis level=\"bogus\">b</emphasis></speak>",
        "<speak><emphasis level=\"strong\">a</emphasis><emphasis>b</emphasis></speak>")]
    [InlineData("<speak><prosody rate=\"5%\" pitch=\"+10%\" volume=\"+6dB\" amazon:max-duration=\"2s\">a</prosody><prosody rate=\"x-fast\" pitch=\"200\" volume=\"loud\">b</prosody></speak>",
        "<speak><prosody rate=\"20%\" pitch=\"+10%\" volume=\"200%\">a</prosody><prosody rate=\"x-fast\" volume=\"loud\">b</prosody></speak>")]
    [InlineData("<speak><prosody rate=\"1&quot; src=&quot;/etc/passwd\">x</prosody></speak>", "<speak><prosody>x</prosody></speak>")]
    [InlineData("<speak><lang xml:lang=\"fr-FR\">bonjour</lang> <lang xml:lang=\"de-DE\">hallo</lang></speak>",
        "<speak><voice xml:lang=\"fr-fr\">bonjour</voice> hallo</speak>")]
    [InlineData("<speak><p><s>One</s></p> 5 &lt; 6 &amp;&amp; <![CDATA[<audio src=\"/etc/passwd\"/>]]></speak>",
        "<speak><p><s>One</s></p> 5 &lt; 6 &amp;&amp; &lt;audio src=\"/etc/passwd\"/&gt;</speak>")]
    public void Writes_only_what_espeak_should_act_on(string ssml, string expected) => Assert.Equal(expected, Sanitize(ssml));

    [Fact]
    public void Plain_text_is_escaped_and_wrapped()
    {
        Assert.Equal("<speak>Press &lt;1&gt; &amp; hold &lt;audio src=\"/usr/bin/espeak-ng\"/&gt; &amp;lt; x y</speak>",
            EspeakMarkup.FromPlainText("Press <1> & hold <audio src=\"/usr/bin/espeak-ng\"/> &lt; x\u0001y"));
    }

    [Theory]
    [InlineData("Press <1> & hold, then say <audio src=\"/usr/bin/espeak-ng\"/> or &lt;speak&gt; aloud.")]
    [InlineData("<b>bold</b> [[h@'loU]] 5 > 4")]
    public async Task Espeak_reads_wrapped_plain_text_exactly_as_the_text_itself(string text)
    {
        // Phonemes (-x) instead of audio: the same phonemes mean espeak-ng saw text, not tags, in the markup we wrote.
        var asText = await PhonemesAsync(text, markup: false);
        var asWrapped = await PhonemesAsync(EspeakMarkup.FromPlainText(text), markup: true);
        Assert.Contains("'", asText);
        Assert.Equal(asText, asWrapped);
    }

    [Fact]
    public async Task Espeak_speaks_the_sanitized_markup_and_not_the_tags()
    {
        var sanitized = Sanitize("<speak>Hello<break time=\"300ms\"/><amazon:effect name=\"whispered\">world</amazon:effect></speak>");
        Assert.Equal(await PhonemesAsync("Hello, world", markup: false), await PhonemesAsync(sanitized, markup: true));
    }

    private static async Task<string> PhonemesAsync(string input, bool markup)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-q", "-x", "-v", "en-us", .. markup ? ["-m"] : Array.Empty<string>(), "--stdin"])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(0, process.ExitCode);
        return string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }
}
