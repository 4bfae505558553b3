using System.Text.Json;

namespace FlowConfigs.Domain.Resolution;

/// <summary>Which config a contact asks for, in which language, on which channel.</summary>
public sealed record ConfigRequest(string Id, string Language, ContactChannel Channel)
{
    public const string DefaultLanguage = "en-US";

    /// <summary>
    /// Reads an Amazon Connect Lambda event or a plain override object with DESIGN.md's precedence:
    /// id from Details.Parameters.id, else top-level id; language from Details.Parameters.lang, else
    /// Details.ContactData.LanguageCode, else top-level lang, else en-US; channel from
    /// Details.ContactData.Channel, else top-level channel, else voice (case-insensitive).
    /// Errors: missing/empty id → Field "id", Message exactly "Missing required parameter: id";
    /// a malformed language or unsupported channel → Field "lang"/"channel" with a clear message.
    /// </summary>
    public static ConfigRequestResult FromEvent(JsonElement contactEvent) => throw new NotImplementedException();

    /// <summary>The same rules for <c>GET .../{id}?lang=&amp;channel=</c> (null or empty means the default).</summary>
    public static ConfigRequestResult FromQuery(string id, string? lang, string? channel) => throw new NotImplementedException();

    /// <summary>Parses a channel name (voice, chat, task, email; any case); null when unsupported.</summary>
    public static ContactChannel? ParseChannel(string channel) => throw new NotImplementedException();
}

/// <summary>A request, or the field that made it unusable and a message fit to raise to Connect.</summary>
public sealed record ConfigRequestResult(ConfigRequest? Request, string? Field, string? Message)
{
    public static ConfigRequestResult Ok(ConfigRequest request) => new(request, null, null);
    public static ConfigRequestResult Fail(string field, string message) => new(null, field, message);
}
