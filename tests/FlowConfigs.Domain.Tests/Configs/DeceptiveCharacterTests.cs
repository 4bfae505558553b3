using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Settings;

namespace FlowConfigs.Domain.Tests.Configs;

/// <summary>
/// Text-direction overrides and zero-width characters make an id, name or description display differently from what
/// it holds (a reviewer approves one thing, another goes live), so they are refused with their code point named.
/// </summary>
public sealed class DeceptiveCharacterTests
{
    public static TheoryData<int> Deceptive() =>
    [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, // embeddings and overrides
        0x2066, 0x2067, 0x2068, 0x2069, // isolates
        0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, // zero-width
    ];

    private static string Named(int codePoint) => $"U+{codePoint:X4}";

    [Theory]
    [MemberData(nameof(Deceptive))]
    public void Ids_refuse_them_by_code_point(int codePoint) =>
        Assert.Contains(Named(codePoint), FlowConfigId.Validate($"branch{(char)codePoint}-austin"));

    [Theory]
    [MemberData(nameof(Deceptive))]
    public void Variable_and_prompt_names_refuse_them_by_code_point(int codePoint)
    {
        var name = $"max{(char)codePoint}Wait";
        Assert.Contains(Named(codePoint), FlowConfigDocument.ValidateName(name));

        var errors = Json.Errors($$"""
            { "description": "d", "variables": { "{{name}}": "1" }, "prompts": { "p{{name}}": { "en-US": { "voice": "hi" } } } }
            """).ToDictionary();
        Assert.Contains(Named(codePoint), Assert.Single(errors[$"variables.{name}"]));
        Assert.Contains(Named(codePoint), Assert.Single(errors[$"prompts.p{name}"]));
    }

    [Theory]
    [MemberData(nameof(Deceptive))]
    public void Descriptions_refuse_them_by_code_point(int codePoint)
    {
        var description = $"Austin {(char)codePoint}branch";
        Assert.Contains(Named(codePoint), FlowConfigDocument.ValidateDescription(description));

        var errors = Json.Errors($$"""{ "description": "{{description}}", "variables": {}, "prompts": {} }""").ToDictionary();
        Assert.Contains(Named(codePoint), Assert.Single(errors["description"]));
    }

    [Theory]
    [MemberData(nameof(Deceptive))]
    public void Locale_names_refuse_them_by_code_point(int codePoint)
    {
        var read = AppSettingsDocument.Read(Json.Parse($$"""
            { "locales": [ { "code": "en-US", "name": "English{{(char)codePoint}} (US)", "voices": [] } ] }
            """));
        Assert.False(read.IsValid);
        Assert.Contains(Named(codePoint), Assert.Single(read.Errors.ToDictionary()["locales[0].name"]));
    }

    [Theory]
    [InlineData("Sucursal de Austin, línea principal")]
    [InlineData("العربية")]
    [InlineData("עברית \u200F(RTL mark)")]
    [InlineData("日本語の案内")]
    public void Other_scripts_and_ordinary_direction_marks_stay_valid(string text)
    {
        Assert.Null(FlowConfigDocument.ValidateDescription(text));
        var read = AppSettingsDocument.Read(Json.Parse($$"""{ "locales": [ { "code": "ar", "name": "{{text}}", "voices": [] } ] }"""));
        Assert.True(read.IsValid, read.Errors.ToString());
    }
}
