using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Settings;

namespace FlowConfigs.Grains.Settings;

/// <summary>
/// Reads the settings document in either layout found in tables: ours (the settings' fields at the top) and the seed
/// project's, whose DocumentClient nests them under <c>settings</c> beside <c>lastModified</c> and
/// <c>lastModifiedBy</c>. Writes always use ours.
/// </summary>
internal static class StoredSettings
{
    public static AppSettings Read(JsonObject body)
    {
        var fields = body["locales"] is null && body["settings"] is JsonObject nested ? nested : body;
        if (fields["locales"] is not JsonArray locales)
            throw new JsonException("The settings have no 'locales' array.");
        return new AppSettings
        {
            Locales = locales.Select(ReadLocale).ToList(),
            FallbackLocale = Text(fields, "fallbackLocale"),
            TimeZone = Text(fields, "timeZone"),
            Approvals = fields["approvals"] is JsonArray rules ? rules.Select(ReadApprovalRule).ToList() : null,
            Version = body["version"]?.GetValue<long>() ?? 0,
            UpdatedAt = Time(Text(fields, "updatedAt") ?? Text(body, "lastModified")),
            UpdatedBy = Text(fields, "updatedBy") ?? Text(body, "lastModifiedBy"),
        };
    }

    /// <summary>A locale needs its code; tools that wrote only codes and names get the code as name and no voices.</summary>
    private static Locale ReadLocale(JsonNode? node)
    {
        if (node is not JsonObject locale || Text(locale, "code") is not { Length: > 0 } code)
            throw new JsonException("A locale in the settings has no 'code'.");
        var voices = locale["voices"] is JsonArray list ? list.Select(v => v?.GetValue<string>() ?? "").Where(v => v.Length > 0).ToList() : [];
        return new Locale(code, Text(locale, "name") ?? code, voices);
    }

    private static ApprovalRule ReadApprovalRule(JsonNode? node) =>
        node is JsonObject rule && Text(rule, "pattern") is { Length: > 0 } pattern && rule["approvers"] is JsonValue count
            ? new ApprovalRule(pattern, count.Deserialize<int>())
            : throw new JsonException("An approval rule in the settings has no pattern or approvers.");

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
