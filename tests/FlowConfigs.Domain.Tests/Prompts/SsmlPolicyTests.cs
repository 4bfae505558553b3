using FlowConfigs.Domain.Prompts;

namespace FlowConfigs.Domain.Tests.Prompts;

public sealed class SsmlPolicyTests
{
    /// <summary>One prompt per allowed element, written as Polly's documentation writes them.</summary>
    public static readonly Dictionary<string, string> Allowed = new()
    {
        ["speak"] = "<speak>Mary had a little lamb.</speak>",
        ["break"] = "<speak>Hold on<break time=\"3s\"/>thanks<break strength=\"x-strong\"/><break/><break time=\"250ms\"></break></speak>",
        ["emphasis"] = "<speak>I <emphasis level=\"strong\">really like</emphasis> that.</speak>",
        ["lang"] = "<speak>Bonjour is <lang xml:lang=\"fr-FR\" onlangfailure=\"changevoice\">bonjour</lang>.</speak>",
        ["mark"] = "<speak>Mary had <mark name=\"animal\"/>a little lamb.</speak>",
        ["p"] = "<speak><p>One.</p><p>Two.</p></speak>",
        ["phoneme"] = "<speak>You say <phoneme alphabet=\"ipa\" ph=\"pɪˈkɑːn\">pecan</phoneme>.</speak>",
        ["prosody"] = "<speak><prosody volume=\"+6dB\" rate=\"90%\" pitch=\"-10%\">Quiet</prosody><prosody amazon:max-duration=\"2s\">Short</prosody></speak>",
        ["s"] = "<speak><s>First sentence</s><s>Second</s></speak>",
        ["say-as"] = "<speak><say-as interpret-as=\"date\" format=\"mdy\">12/25/2026</say-as> <say-as interpret-as=\"telephone\">2025551212</say-as></speak>",
        ["sub"] = "<speak>My favorite chemical element is <sub alias=\"aluminium\">Al</sub>.</speak>",
        ["w"] = "<speak>The present simple form of <w role=\"amazon:VB\">read</w>.</speak>",
        ["amazon:auto-breaths"] = "<speak><amazon:auto-breaths volume=\"x-soft\" frequency=\"low\" duration=\"x-short\">Long text</amazon:auto-breaths></speak>",
        ["amazon:breath"] = "<speak>Sometimes <amazon:breath duration=\"medium\" volume=\"x-loud\"/>a breath.</speak>",
        ["amazon:domain"] = "<speak><amazon:domain name=\"news\">Today's headlines.</amazon:domain></speak>",
        ["amazon:effect"] = "<speak><amazon:effect name=\"whispered\">A secret.</amazon:effect><amazon:effect phonation=\"soft\" vocal-tract-length=\"+15%\">Big</amazon:effect><amazon:effect name=\"drc\">Loud</amazon:effect></speak>",
        ["amazon:emotion"] = "<speak><amazon:emotion name=\"excited\" intensity=\"medium\">We won!</amazon:emotion></speak>",
    };

    public static TheoryData<string> AllowedPrompts => [.. Allowed.Values];

    [Fact]
    public void Every_allowed_element_has_an_example() =>
        Assert.Equal(SsmlPolicy.Elements.Order(), Allowed.Keys.Order());

    [Theory]
    [MemberData(nameof(AllowedPrompts))]
    public void Accepts_what_Polly_documents(string ssml)
    {
        var reading = SsmlPolicy.Read(ssml);
        Assert.Null(reading.Problem);
        Assert.Equal("speak", reading.Root!.Name);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><speak>Declared</speak>")]
    [InlineData("<!-- a note for editors --><speak>Commented <!-- inside too -->text</speak>")]
    [InlineData("<speak><![CDATA[5 < 6 & 7]]></speak>")]
    [InlineData("  <speak><prosody rate=\"slow\"><emphasis><say-as interpret-as=\"characters\">abc</say-as></emphasis></prosody></speak>")]
    public void Accepts_declarations_comments_cdata_and_nesting(string ssml) => Assert.Null(SsmlPolicy.Read(ssml).Problem);

    [Theory]
    [InlineData("<speak><audio src=\"/etc/passwd\"/>hi</speak>", "<audio> is not allowed: a prompt cannot play audio files from SSML")]
    [InlineData("<speak><audio src=\"https://example.com/a.wav\">fallback</audio></speak>", "<audio> is not allowed")]
    [InlineData("<speak><voice name=\"Joanna\">hi</voice></speak>", "<voice> is not SSML that Amazon Connect speaks; use speak, break,")]
    [InlineData("<speak><tts:style field=\"punctuation\" mode=\"all\">x</tts:style></speak>", "not well-formed")]
    [InlineData("<speak><metadata>x</metadata></speak>", "<metadata> is not SSML")]
    [InlineData("<speak><b>bold</b></speak>", "<b> is not SSML")]
    [InlineData("<speak><amazon:unknown>x</amazon:unknown></speak>", "<amazon:unknown> is not SSML")]
    [InlineData("<speak xml:base=\"/usr/share/sounds\">x</speak>", "<speak> has no attribute 'xml:base'; it takes none.")]
    [InlineData("<speak xmlns=\"http://www.w3.org/2001/10/synthesis\">x</speak>", "<speak> has no attribute 'xmlns'")]
    [InlineData("<speak><break time=\"1s\" src=\"/etc/passwd\"/></speak>", "<break> has no attribute 'src'; it takes strength, time.")]
    [InlineData("<speak><p xml:lang=\"de\">x</p></speak>", "<p> has no attribute 'xml:lang'")]
    [InlineData("<speak><say-as interpret-as=\"digits\" detail=\"2\">12</say-as></speak>", "<say-as> has no attribute 'detail'")]
    [InlineData("<speak><say-as>12</say-as></speak>", "<say-as> needs a 'interpret-as' attribute.")]
    [InlineData("<speak><sub>WWW</sub></speak>", "<sub> needs a 'alias' attribute.")]
    [InlineData("<speak><break time=\"forever\"/></speak>", "<break time=\"forever\"> must be a duration such as 500ms or 2s.")]
    [InlineData("<speak><break time=\"-1s\"/></speak>", "must be a duration")]
    [InlineData("<speak><break strength=\"huge\"/></speak>", "<break strength=\"huge\"> must be one of none, x-weak, weak, medium, strong, x-strong.")]
    [InlineData("<speak><break>words</break></speak>", "<break> must be empty.")]
    [InlineData("<speak><mark name=\"m\"><s>x</s></mark></speak>", "<mark> must be empty.")]
    [InlineData("<speak><speak>again</speak></speak>", "<speak> may appear only once")]
    [InlineData("<voice>x</voice>", "SSML must have <speak> as its root element.")]
    [InlineData("<speak>unclosed", "The SSML is not well-formed:")]
    [InlineData("<speak><?espeak command?>x</speak>", "Processing instructions (<?espeak ...?>) are not SSML.")]
    [InlineData("<speak><x:audio xmlns:x=\"urn:x\" src=\"/etc/passwd\"/></speak>", "<x:audio> is not SSML")]
    public void Refuses_with_the_first_problem_as_a_sentence(string ssml, string problem)
    {
        var reading = SsmlPolicy.Read(ssml);
        Assert.Null(reading.Root);
        Assert.Contains(problem, reading.Problem);
    }

    [Theory]
    [InlineData("""<!DOCTYPE speak [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><speak>&c;&c;&c;</speak>""")]
    [InlineData("""<!DOCTYPE speak [<!ENTITY file SYSTEM "file:///etc/passwd">]><speak>&file;</speak>""")]
    [InlineData("""<!DOCTYPE speak SYSTEM "http://169.254.169.254/latest/meta-data/"><speak>x</speak>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE speak><speak>x</speak>""")]
    public void Refuses_every_document_type_declaration(string ssml) =>
        Assert.Equal("SSML must not contain a document type declaration (<!DOCTYPE ...>).", SsmlPolicy.Read(ssml).Problem);

    [Fact]
    public void Undefined_entities_are_not_well_formed() =>
        Assert.StartsWith("The SSML is not well-formed:", SsmlPolicy.Read("<speak>&nbsp;</speak>").Problem);

    [Fact]
    public void Bounds_depth_and_size()
    {
        var deep = "<speak>" + string.Concat(Enumerable.Repeat("<s>", SsmlPolicy.MaxDepth)) + "x" + string.Concat(Enumerable.Repeat("</s>", SsmlPolicy.MaxDepth)) + "</speak>";
        Assert.Equal($"The SSML nests elements more than {SsmlPolicy.MaxDepth} deep.", SsmlPolicy.Read(deep).Problem);
        var justDeepEnough = "<speak>" + string.Concat(Enumerable.Repeat("<s>", SsmlPolicy.MaxDepth - 1)) + "x" + string.Concat(Enumerable.Repeat("</s>", SsmlPolicy.MaxDepth - 1)) + "</speak>";
        Assert.Null(SsmlPolicy.Read(justDeepEnough).Problem);

        var big = "<speak>" + new string('a', SsmlPolicy.MaxCharacters) + "</speak>";
        Assert.Equal($"The SSML is {big.Length:N0} characters long; at most {SsmlPolicy.MaxCharacters:N0} are allowed.", SsmlPolicy.Read(big).Problem);
    }

    [Fact]
    public void The_tree_holds_decoded_text_and_only_the_written_attributes()
    {
        var root = SsmlPolicy.Read("<speak>Tom &amp; Jerry &#x263A;<break time=\"2s\"/><amazon:effect name=\"whispered\">psst</amazon:effect></speak>").Root!;

        Assert.Equal(3, root.Children.Count);
        Assert.Equal("Tom & Jerry ☺", Assert.IsType<SsmlText>(root.Children[0]).Text);
        var pause = Assert.IsType<SsmlElement>(root.Children[1]);
        Assert.Equal("break", pause.Name);
        Assert.Equal("2s", pause.Attribute("time"));
        Assert.Null(pause.Attribute("strength"));
        var effect = Assert.IsType<SsmlElement>(root.Children[2]);
        Assert.Equal("amazon:effect", effect.Name);
        Assert.Equal("psst", Assert.IsType<SsmlText>(Assert.Single(effect.Children)).Text);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData(".25s", 250)]
    [InlineData("10s", 10_000)]
    [InlineData("60s", 10_000)]
    [InlineData("999999999s", 10_000)]
    [InlineData("20000ms", 10_000)]
    public void Break_times_are_capped_as_Polly_caps_them(string value, int milliseconds)
    {
        Assert.True(SsmlPolicy.TryReadBreakTime(value, out var time));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), time);
    }

    [Theory]
    [InlineData("Press <1> & hold", false)]
    [InlineData("a < b", false)]
    [InlineData("Hello <audio src=\"/etc/passwd\"/>", false)]
    [InlineData("<speak>x</speak>", true)]
    [InlineData("  \n<speak>x</speak>", true)]
    [InlineData("<!-- c --><speak>x</speak>", true)]
    [InlineData("<?xml version=\"1.0\"?><speak>x</speak>", true)]
    [InlineData("<audio src=\"/etc/passwd\"/>", true)]
    public void Text_that_opens_with_markup_is_ssml(string text, bool isMarkup)
    {
        Assert.Equal(isMarkup, SsmlPolicy.IsMarkup(text));
        if (!isMarkup) Assert.Null(SsmlPolicy.Problem(text));
    }
}
