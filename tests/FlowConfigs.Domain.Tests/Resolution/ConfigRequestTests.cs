using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Domain.Tests.Resolution;

public sealed class ConfigRequestTests
{
    [Fact]
    public void Top_level_values_apply_when_Connect_fields_are_absent()
    {
        var request = ConfigRequest.FromEvent(Json.Parse("""{ "id": "a", "lang": "es-US", "channel": "email" }""")).Request!;
        Assert.Equal(new ConfigRequest("a", "es-US", ContactChannel.Text) { ConnectChannel = ConnectChannel.Email }, request);
    }

    [Fact]
    public void Connect_fields_win_over_top_level_values()
    {
        var request = ConfigRequest.FromEvent(Json.Parse("""
            { "id": "top", "lang": "fr-FR", "channel": "CHAT",
              "Details": { "Parameters": { "id": "param" }, "ContactData": { "LanguageCode": "es-US", "Channel": "VOICE" } } }
            """)).Request!;
        Assert.Equal(new ConfigRequest("param", "es-US", ContactChannel.Voice), request);
    }

    [Fact]
    public void Empty_values_fall_through_to_the_next_source()
    {
        var request = ConfigRequest.FromEvent(Json.Parse("""{ "id": "a", "Details": { "Parameters": { "id": "", "lang": "" } } }""")).Request!;
        Assert.Equal(new ConfigRequest("a", "en-US", ContactChannel.Voice), request);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""{ "id": 42 }""")]
    [InlineData("""{ "Details": "x" }""")]
    public void Missing_id_is_the_exact_Connect_message(string json)
    {
        var result = ConfigRequest.FromEvent(Json.Parse(json));
        Assert.Equal(("id", "Missing required parameter: id"), (result.Field, result.Message));
    }

    [Theory]
    [InlineData("english")]
    [InlineData("EN-us")]
    [InlineData("en-US\n")]
    [InlineData("e")]
    public void Malformed_language_names_lang(string lang) =>
        Assert.Equal("lang", ConfigRequest.FromQuery("a", lang, null).Field);

    [Theory]
    [InlineData("VOICE", ContactChannel.Voice)]
    [InlineData("voice", ContactChannel.Voice)]
    [InlineData("Chat", ContactChannel.Text)]
    [InlineData("TASK", ContactChannel.Text)]
    [InlineData("email", ContactChannel.Text)]
    public void Channels_are_case_insensitive(string name, ContactChannel expected) =>
        Assert.Equal(expected, ConfigRequest.ParseChannel(name));

    [Fact]
    public void Unsupported_channel_names_channel()
    {
        var result = ConfigRequest.FromQuery("a", null, "fax");
        Assert.Equal("channel", result.Field);
        Assert.Contains("fax", result.Message);
    }

    [Theory]
    [InlineData("arb")]
    [InlineData("cmn-CN")]
    [InlineData("en")]
    public void Language_forms_Connect_uses_are_accepted(string lang) =>
        Assert.Equal(lang, ConfigRequest.FromQuery("a", lang, null).Request!.Language);
}
