using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using FlowConfigs.Domain.ChangeControl;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Settings;

/// <summary>
/// Reads settings sent by a client, strictly (as <see cref="FlowConfigDocument"/>). The people who change settings are
/// business users, so every message is a sentence they can act on; the field path stays in the error's key, where the
/// page uses it to put the message beside the field.
/// </summary>
public static partial class AppSettingsDocument
{
    public const int MaxLocales = 100;
    public const int MaxVoiceLength = 64;

    /// <summary>
    /// Rules: <c>locales</c> required array of { code (language format as prompts), name (1–128), voices (array of
    /// 1–64 char voice ids, may be empty) }, codes unique; <c>fallbackLocale</c> null or one of the codes; unknown fields
    /// rejected; <c>timeZone</c> optional, null or a tzdb zone id (the zone of configs that name none);
    /// version/updatedAt/updatedBy accepted and ignored except version (the concurrency check).
    /// </summary>
    public static ReadResult<AppSettings> Read(JsonElement document)
    {
        var errors = new FieldErrors();
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Send the settings as a JSON object with a list of locales.");
            return ReadResult<AppSettings>.Fail(errors);
        }

        List<Locale>? locales = null;
        string? fallback = null, timeZone = null;
        List<ApprovalRule>? approvals = null;
        long version = 0;
        foreach (var property in StrictJson.Properties(document, "", errors))
        {
            switch (property.Name)
            {
                case "locales":
                    locales = ReadLocales(property.Value, errors);
                    break;
                case "fallbackLocale":
                    if (property.Value.ValueKind == JsonValueKind.String)
                        fallback = property.Value.GetString();
                    else if (property.Value.ValueKind != JsonValueKind.Null)
                        errors.Add("fallbackLocale", "Choose one of the locales as the fallback language, or none.");
                    break;
                case "timeZone":
                    timeZone = ReadTimeZone(property.Value, errors);
                    break;
                case "approvals":
                    approvals = ReadApprovals(property.Value, errors);
                    break;
                case "version":
                    version = StrictJson.Version(property.Value, "version", errors) ?? 0;
                    break;
                case "updatedAt" or "updatedBy":
                    break;
                default:
                    errors.Add(property.Name, $"Settings have no field called '{property.Name}'.");
                    break;
            }
        }

        if (locales is null && !document.TryGetProperty("locales", out _))
            errors.Add("locales", "Send the list of locales (it may be empty).");
        if (fallback is not null && locales is not null && !locales.Any(l => l.Code == fallback))
            errors.Add("fallbackLocale", $"The fallback language {fallback} is not one of the locales. Add it as a locale or choose another.");

        if (!errors.IsEmpty || locales is null)
            return ReadResult<AppSettings>.Fail(errors);
        return ReadResult<AppSettings>.Ok(new AppSettings { Locales = locales, FallbackLocale = fallback, TimeZone = timeZone, Approvals = approvals, Version = version });
    }

    /// <summary>
    /// A problem's one-paragraph summary: each message after the field it belongs to, in the page's words ("Locale 3,
    /// language") rather than its path, so a notification reads as well as the messages beside the fields.
    /// </summary>
    public static string Summary(FieldErrors errors) =>
        string.Join(" ", errors.ToDictionary().Select(e => $"{FieldLabel(e.Key)}: {string.Join(" ", e.Value)}"));

    private static string FieldLabel(string path)
    {
        var match = LocalePath().Match(path);
        if (!match.Success)
            return path switch { "fallbackLocale" => "Fallback language", "timeZone" => "Time zone", "locales" => "Locales", "body" => "Settings", _ => path };
        var locale = $"Locale {int.Parse(match.Groups["locale"].Value, CultureInfo.InvariantCulture) + 1}";
        return match.Groups["field"].Value switch
        {
            "" => locale,
            "code" => $"{locale}, language",
            "voices" when match.Groups["voice"].Success => $"{locale}, voice {int.Parse(match.Groups["voice"].Value, CultureInfo.InvariantCulture) + 1}",
            var field => $"{locale}, {field}",
        };
    }

    /// <summary>Optional: null or absent leaves configs without a zone of their own on UTC.</summary>
    /// <summary>
    /// <c>approvals</c>: null or a list of at most <see cref="ApprovalRule.MaxRules"/> { pattern (an id pattern, 1–256
    /// characters, <c>*</c> any run), approvers (1–5) }; a pattern appears once.
    /// </summary>
    private static List<ApprovalRule>? ReadApprovals(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("approvals", "Send the approval rules as a list (it may be empty).");
            return null;
        }
        if (value.GetArrayLength() > ApprovalRule.MaxRules)
        {
            errors.Add("approvals", $"Settings hold at most {ApprovalRule.MaxRules} approval rules; combine some with a pattern such as queue/*.");
            return null;
        }
        var rules = new List<ApprovalRule>();
        var patterns = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"approvals[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Each approval rule needs a pattern and a number of approvers.");
                continue;
            }
            string? pattern = null;
            int? approvers = null;
            foreach (var field in StrictJson.Properties(item, path + ".", errors))
            {
                switch (field.Name)
                {
                    case "pattern" when field.Value.ValueKind == JsonValueKind.String && field.Value.GetString() is { Length: > 0 and <= 256 } text && !text.Any(char.IsControl):
                        pattern = text;
                        break;
                    case "pattern":
                        errors.Add($"{path}.pattern", "Enter the ids this rule covers, such as queue/* or * for every config (at most 256 characters).");
                        break;
                    case "approvers" when field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var count) && count is >= 1 and <= ApprovalRule.MaxApprovers:
                        approvers = count;
                        break;
                    case "approvers":
                        errors.Add($"{path}.approvers", $"Enter how many people must approve: a whole number from 1 to {ApprovalRule.MaxApprovers}.");
                        break;
                    default:
                        errors.Add($"{path}.{field.Name}", $"An approval rule has no field called '{field.Name}'.");
                        break;
                }
            }
            if (!item.TryGetProperty("pattern", out _)) errors.Add($"{path}.pattern", "Enter the ids this rule covers, such as queue/*.");
            if (!item.TryGetProperty("approvers", out _)) errors.Add($"{path}.approvers", "Enter how many people must approve (1 to 5).");
            if (pattern is not null && !patterns.Add(pattern))
                errors.Add($"{path}.pattern", $"{pattern} already has a rule; each pattern appears once (the first matching rule applies).");
            else if (pattern is not null && approvers is not null)
                rules.Add(new ApprovalRule(pattern, approvers.Value));
        }
        return rules;
    }

    private static string? ReadTimeZone(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        var zone = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (TimeZones.IsKnown(zone)) return zone;
        errors.Add("timeZone", string.IsNullOrEmpty(zone)
            ? "Choose a time zone from the list, such as America/Chicago, or none for UTC."
            : $"{zone} is not a time zone we know. Choose one from the list, such as America/Chicago.");
        return null;
    }

    [GeneratedRegex(@"^locales\[(?<locale>\d+)\](\.(?<field>[^\[]+)(\[(?<voice>\d+)\])?)?$")]
    private static partial Regex LocalePath();

    private static List<Locale>? ReadLocales(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("locales", "Send the locales as a list.");
            return null;
        }
        if (value.GetArrayLength() > MaxLocales)
        {
            errors.Add("locales", $"Settings hold at most {MaxLocales} locales; remove some.");
            return null;
        }
        var locales = new List<Locale>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"locales[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Each locale needs a language code, a name and its voices.");
                continue;
            }
            string? code = null, name = null;
            List<string>? voices = [];
            foreach (var field in StrictJson.Properties(item, path, errors))
            {
                switch (field.Name)
                {
                    case "code":
                        code = ReadCode(field.Value, $"{path}.code", errors);
                        break;
                    case "name":
                        name = ReadName(field.Value, $"{path}.name", errors);
                        break;
                    case "voices":
                        voices = ReadVoices(field.Value, $"{path}.voices", errors);
                        break;
                    default:
                        errors.Add($"{path}.{field.Name}", $"A locale has no field called '{field.Name}'.");
                        break;
                }
            }
            if (!item.TryGetProperty("code", out _)) errors.Add($"{path}.code", EnterCode);
            if (!item.TryGetProperty("name", out _)) errors.Add($"{path}.name", EnterName);
            if (code is null || name is null || voices is null) continue;
            if (locales.Any(l => l.Code == code))
                errors.Add($"{path}.code", $"{code} is already in the list; each language appears once.");
            else
                locales.Add(new Locale(code, name, voices));
        }
        return locales;
    }

    private const string EnterCode = "Enter a language code such as en-US.";
    private const string EnterName = "Enter a name people recognize, such as English (US).";

    private static string? ReadCode(JsonElement value, string path, FieldErrors errors)
    {
        var code = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(path, EnterCode);
            return null;
        }
        if (!LanguageCode.IsValid(code))
        {
            errors.Add(path, $"{code} is not a language code. Use a code such as en-US, es-US, arb or cmn-CN.");
            return null;
        }
        return code;
    }

    private static string? ReadName(JsonElement value, string path, FieldErrors errors)
    {
        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (name is null || name.Trim().Length == 0)
        {
            errors.Add(path, EnterName);
            return null;
        }
        if (name.Length > 128)
        {
            errors.Add(path, $"Shorten the name to 128 characters or fewer (it has {name.Length}).");
            return null;
        }
        if (StrictJson.HasControlCharacters(name))
        {
            errors.Add(path, "The name contains an invisible control character; retype it.");
            return null;
        }
        // The code point is named: the character cannot be seen, so the message is the only way to know what to remove.
        if (StrictJson.FindDeceptiveCharacter(name) is { } codePoint)
        {
            errors.Add(path, $"The name contains an invisible or text-direction character ({codePoint}); retype it.");
            return null;
        }
        return name;
    }

    /// <summary>Each voice is named by its own index, so the page marks the one chip that is wrong.</summary>
    private static List<string>? ReadVoices(JsonElement value, string path, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, "Send the voices as a list (it may be empty).");
            return null;
        }
        var voices = new List<string>();
        var valid = true;
        var index = 0;
        foreach (var voice in value.EnumerateArray())
        {
            var voicePath = $"{path}[{index++}]";
            if (voice.ValueKind != JsonValueKind.String || voice.GetString() is not { Length: > 0 and <= MaxVoiceLength } id
                || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                errors.Add(voicePath, "Choose a voice from the list; voice names are letters, digits, '-' or '_'.");
                valid = false;
                continue;
            }
            if (!voices.Contains(id, StringComparer.Ordinal))
                voices.Add(id);
        }
        return valid ? voices : null;
    }
}
