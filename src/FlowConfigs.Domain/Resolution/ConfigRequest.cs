using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Resolution;

/// <summary>Which config a contact asks for, in which language, on which channel.</summary>
public sealed record ConfigRequest(string Id, string Language, ContactChannel Channel)
{
    /// <summary>The channel as Connect named it, for usage counts; voice unless the request said otherwise.</summary>
    public ConnectChannel ConnectChannel { get; init; }

    public const string DefaultLanguage = "en-US";
    public const string MissingId = "Missing required parameter: id";

    /// <summary>
    /// Reads an Amazon Connect Lambda event or a plain override object with this precedence:
    /// id from Details.Parameters.id, else top-level id; language from Details.Parameters.lang, else
    /// Details.ContactData.LanguageCode, else top-level lang, else en-US; channel from
    /// Details.ContactData.Channel, else top-level channel, else voice (case-insensitive).
    /// Errors: missing/empty id → Field "id", Message exactly "Missing required parameter: id";
    /// a malformed language or unsupported channel → Field "lang"/"channel" with a clear message.
    /// </summary>
    public static ConfigRequestResult FromEvent(JsonElement contactEvent)
    {
        var details = Child(contactEvent, "Details");
        var parameters = Child(details, "Parameters");
        var contactData = Child(details, "ContactData");
        var id = Text(parameters, "id") ?? Text(contactEvent, "id");
        var lang = Text(parameters, "lang") ?? Text(contactData, "LanguageCode") ?? Text(contactEvent, "lang");
        var channel = Text(contactData, "Channel") ?? Text(contactEvent, "channel");
        return Build(id, lang, channel);
    }

    /// <summary>The same rules for <c>GET .../{id}?lang=&amp;channel=</c> (null or empty means the default).</summary>
    public static ConfigRequestResult FromQuery(string id, string? lang, string? channel) =>
        Build(string.IsNullOrEmpty(id) ? null : id, string.IsNullOrEmpty(lang) ? null : lang, string.IsNullOrEmpty(channel) ? null : channel);

    /// <summary>Parses a channel name (voice, chat, task, email; any case); null when unsupported.</summary>
    public static ContactChannel? ParseChannel(string channel) =>
        ParseConnectChannel(channel) is { } connect ? (connect == ConnectChannel.Voice ? ContactChannel.Voice : ContactChannel.Text) : null;

    /// <summary>The Connect channel a name (any case) stands for; null when unsupported.</summary>
    public static ConnectChannel? ParseConnectChannel(string channel) => channel.ToUpperInvariant() switch
    {
        "VOICE" => ConnectChannel.Voice,
        "CHAT" => ConnectChannel.Chat,
        "TASK" => ConnectChannel.Task,
        "EMAIL" => ConnectChannel.Email,
        _ => null,
    };

    private static ConfigRequestResult Build(string? id, string? lang, string? channelName)
    {
        if (id is null)
            return ConfigRequestResult.Fail("id", MissingId);
        var language = lang ?? DefaultLanguage;
        if (!LanguageCode.IsValid(language))
            return ConfigRequestResult.Fail("lang", $"Unsupported language '{Printable(language)}'; expected {LanguageCode.Expected}.");
        var channel = channelName is null ? ConnectChannel.Voice : ParseConnectChannel(channelName);
        if (channel is not { } connect)
            return ConfigRequestResult.Fail("channel", $"Unsupported channel '{Printable(channelName!)}'; expected VOICE, CHAT, TASK or EMAIL.");
        return ConfigRequestResult.Ok(new ConfigRequest(id, language, connect == ConnectChannel.Voice ? ContactChannel.Voice : ContactChannel.Text)
        {
            ConnectChannel = connect,
        });
    }

    /// <summary>Connect shows the message to flow designers; keep it one short printable line.</summary>
    private static string Printable(string value)
    {
        var shortened = value.Length > 40 ? value[..40] + "…" : value;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? '?' : c));
    }

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    /// <summary>A non-empty string value; anything else counts as absent so the next source in the precedence applies.</summary>
    private static string? Text(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;
}

/// <summary>A request, or the field that made it unusable and a message fit to raise to Connect.</summary>
public sealed record ConfigRequestResult(ConfigRequest? Request, string? Field, string? Message)
{
    public static ConfigRequestResult Ok(ConfigRequest request) => new(request, null, null);
    public static ConfigRequestResult Fail(string field, string message) => new(null, field, message);
}
