using FlowConfigs.Domain.Access;

namespace FlowConfigs.Domain.Tests.Access;

public sealed class EditGuardTests
{
    private const string Current = """
        { "id": "x", "description": "d", "variables": { "a": "1", "s": "low" },
          "schema": { "s": { "type": "select", "options": ["low", "high"] } },
          "prompts": { "p": { "en-US": { "voice": "Hi", "chat": "Hi!" } } } }
        """;

    private static StructuralChange? Change(string proposed) =>
        EditGuard.FindStructuralChange(Json.Config(Current), Json.Config(proposed));

    [Fact]
    public void Values_texts_new_languages_and_chat_variants_are_edit_level() =>
        Assert.Null(Change("""
            { "id": "x", "description": "d", "variables": { "a": "2", "s": "high" },
              "schema": { "s": { "type": "select", "options": ["low", "high"] } },
              "prompts": { "p": { "en-US": { "voice": "Hello" }, "es-US": { "voice": "Hola", "chat": "¡Hola!" } } } }
            """));

    [Theory]
    [InlineData("""{ "id": "x", "description": "changed", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "description")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "variables.a")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low", "n": "" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "variables.n")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high", "mid"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "schema.s")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "schema.s")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] }, "a": { "type": "number" } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "schema.a")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": {} }""", "prompts.p")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "es-US": { "voice": "Hola" } } } }""", "prompts.p.en-US")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } }, "q": { "en-US": { "voice": "Q" } } } }""", "prompts.q")]
    public void Structural_changes_need_full_and_name_the_field(string proposed, string field)
    {
        var change = Change(proposed);
        Assert.NotNull(change);
        Assert.Equal(field, change!.Field);
        Assert.Contains("Full", change.Message);
    }
}
