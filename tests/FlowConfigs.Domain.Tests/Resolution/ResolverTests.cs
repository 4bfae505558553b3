using System.Text;
using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Domain.Tests.Resolution;

public sealed class ResolverTests
{
    private static readonly Domain.Configs.FlowConfig Config = Json.Config("""
        {
          "id": "x", "description": "d",
          "variables": { "b": "2", "a": "1" },
          "prompts": {
            "zeta":  { "en-US": { "voice": "<speak>Hi &lt;there&gt;</speak>" }, "es-US": { "voice": "Hola", "chat": "Hola chat" } },
            "alpha": { "es-US": { "voice": "Solo español" } }
          }
        }
        """);

    [Fact]
    public void Keeps_document_order_variables_first()
    {
        var map = ConfigResolver.Resolve(Config, "es-US", ContactChannel.Voice, null);
        Assert.Equal(["b", "a", "zeta", "alpha"], map.Keys);
    }

    [Fact]
    public void Fallback_locale_fills_prompts_missing_the_language()
    {
        var without = ConfigResolver.Resolve(Config, "en-US", ContactChannel.Text, null);
        Assert.False(without.ContainsKey("alpha"));
        Assert.Equal("Hi <there>", without["zeta"]);

        var with = ConfigResolver.Resolve(Config, "en-US", ContactChannel.Text, "es-US");
        Assert.Equal("Hi <there>", with["zeta"]);
        Assert.Equal("Solo español", with["alpha"]);
    }

    [Fact]
    public void Unknown_language_without_fallback_gives_variables_only()
    {
        var map = ConfigResolver.Resolve(Config, "fr-FR", ContactChannel.Voice, null);
        Assert.Equal(["b", "a"], map.Keys);
    }

    [Fact]
    public void Utf8_form_is_compact_json_with_readable_text()
    {
        var bytes = ConfigResolver.ResolveUtf8(Config, "es-US", ContactChannel.Text, null);
        Assert.Equal("""{"b":"2","a":"1","zeta":"Hola chat","alpha":"Solo español"}""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Utf8_form_escapes_what_json_requires()
    {
        var config = Json.Config("""{ "id": "x", "description": "d", "variables": { "q": "say \"hi\"\n\\" }, "prompts": {} }""");
        var text = Encoding.UTF8.GetString(ConfigResolver.ResolveUtf8(config, "en-US", ContactChannel.Voice, null));
        Assert.Equal("{\"q\":\"say \\\"hi\\\"\\n\\\\\"}", text);
    }
}
