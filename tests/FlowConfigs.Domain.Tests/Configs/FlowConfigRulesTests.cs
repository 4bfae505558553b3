using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Tests.Configs;

public sealed class FlowConfigRulesTests
{
    private static FlowConfig With(Dictionary<string, string> variables, Dictionary<string, IReadOnlyDictionary<string, PromptText>>? prompts = null) => new()
    {
        Id = "x",
        Description = "d",
        Variables = variables,
        Prompts = prompts ?? [],
    };

    [Fact]
    public void A_normal_config_fits() =>
        Assert.Null(FlowConfigRules.CheckSize(Json.Config(ConnectFixtures.StoredConfig().ToJsonString()), null));

    [Fact]
    public void Variables_alone_over_32_KB_break_the_Connect_limit()
    {
        var violation = FlowConfigRules.CheckSize(With(new() { ["big"] = new string('v', 33_000) }), null);
        Assert.NotNull(violation);
        Assert.Equal(FlowConfigRules.MaxResolvedBytes, violation!.Limit);
        Assert.True(violation.Bytes > violation.Limit);
    }

    [Fact]
    public void The_violation_names_the_language_and_channel()
    {
        // Voice text with markup shrinks on the text channel, so only es-US voice is too big.
        var voice = "<speak>" + string.Concat(Enumerable.Repeat("<break time=\"1s\"/>", 2000)) + "</speak>";
        var prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
        {
            ["p"] = new Dictionary<string, PromptText> { ["en-US"] = new("short"), ["es-US"] = new(voice) },
        };
        var violation = FlowConfigRules.CheckSize(With([], prompts), null);
        Assert.Equal("es-US/voice", violation!.Field);
        Assert.Contains("es-US", violation.Message);
    }

    [Fact]
    public void The_text_channel_is_checked_too()
    {
        var prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
        {
            ["p"] = new Dictionary<string, PromptText> { ["en-US"] = new("short", new string('c', 33_000)) },
        };
        Assert.Equal("en-US/text", FlowConfigRules.CheckSize(With([], prompts), null)!.Field);
    }

    [Fact]
    public void Documents_over_400_KB_are_named_document()
    {
        // Many variables each under the flat-map limit on its own language still make a huge document.
        var prompts = Enumerable.Range(0, 30).ToDictionary(
            i => "p" + i,
            i => (IReadOnlyDictionary<string, PromptText>)new Dictionary<string, PromptText> { [$"l{(char)('a' + i % 26)}{(char)('a' + i / 26)}"] = new(new string('x', 15_000)) });
        var config = With([], prompts);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(config, DomainJson.Options).Length > FlowConfigDocument.MaxDocumentBytes);
        Assert.Equal("document", FlowConfigRules.CheckSize(config, null)!.Field);
    }

    [Fact]
    public void Fallback_locale_counts_toward_other_languages()
    {
        var prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
        {
            ["a"] = new Dictionary<string, PromptText> { ["en-US"] = new(new string('a', 20_000)) },
            ["b"] = new Dictionary<string, PromptText> { ["es-US"] = new(new string('b', 20_000)) },
        };
        Assert.Null(FlowConfigRules.CheckSize(With([], prompts), null));
        Assert.NotNull(FlowConfigRules.CheckSize(With([], prompts), fallbackLocale: "en-US"));
    }
}
