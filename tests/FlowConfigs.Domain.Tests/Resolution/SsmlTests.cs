using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Domain.Tests.Resolution;

public sealed class SsmlTests
{
    [Theory]
    [InlineData("<speak>Hello</speak>", "Hello")]
    [InlineData("Plain text", "Plain text")]
    [InlineData("<speak>Please hold.<break time=\"500ms\"/>Thanks</speak>", "Please hold. Thanks")]
    [InlineData("<speak>Very <emphasis>important</emphasis>!</speak>", "Very important!")]
    [InlineData("<speak>  lots \n\t of   space  </speak>", "lots of space")]
    [InlineData("Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; &apos;y&apos;", "Tom & Jerry <3 > \"x\" 'y'")]
    [InlineData("caf&#233; &#x263A;", "café ☺")]
    [InlineData("&amp;lt; stays one level", "&lt; stays one level")]
    [InlineData("&unknown; &#xZZ; & alone", "&unknown; &#xZZ; & alone")]
    [InlineData("<speak><p>One</p><p>Two</p></speak>", "One Two")]
    [InlineData("a < b", "a < b")]
    [InlineData("", "")]
    public void Strips_markup_and_decodes_entities(string voice, string expected) =>
        Assert.Equal(expected, Ssml.ToPlainText(voice));
}
