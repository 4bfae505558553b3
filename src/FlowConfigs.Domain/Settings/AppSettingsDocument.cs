using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Settings;

/// <summary>Reads settings sent by a client, strictly (as <see cref="FlowConfigDocument"/>).</summary>
public static class AppSettingsDocument
{
    public const int MaxLocales = 100;

    /// <summary>
    /// Rules: <c>locales</c> required array of { code (language format as prompts), name (1–128), voices (array of
    /// 1–64 char voice ids, may be empty) }, codes unique; <c>fallbackLocale</c> null or one of the codes; unknown fields
    /// rejected; version/updatedAt/updatedBy accepted and ignored except version (the concurrency check).
    /// </summary>
    public static ReadResult<AppSettings> Read(JsonElement document)
    {
        var errors = new FieldErrors();
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", $"Settings must be a JSON object, not {StrictJson.Describe(document.ValueKind)}.");
            return ReadResult<AppSettings>.Fail(errors);
        }

        List<Locale>? locales = null;
        string? fallback = null;
        long version = 0;
        foreach (var property in StrictJson.Properties(document, "", errors))
        {
            switch (property.Name)
            {
                case "locales":
                    locales = ReadLocales(property.Value, errors);
                    break;
                case "fallbackLocale":
                    if (property.Value.ValueKind != JsonValueKind.Null)
                        fallback = StrictJson.String(property.Value, "fallbackLocale", errors);
                    break;
                case "version":
                    version = StrictJson.Version(property.Value, "version", errors) ?? 0;
                    break;
                case "updatedAt" or "updatedBy":
                    break;
                default:
                    StrictJson.Unknown(property, "", errors);
                    break;
            }
        }

        if (locales is null && !document.TryGetProperty("locales", out _))
            errors.Add("locales", "'locales' is required (it may be an empty array).");
        if (fallback is not null && locales is not null && !locales.Any(l => l.Code == fallback))
            errors.Add("fallbackLocale", $"'{fallback}' is not one of the locales.");

        if (!errors.IsEmpty || locales is null)
            return ReadResult<AppSettings>.Fail(errors);
        return ReadResult<AppSettings>.Ok(new AppSettings { Locales = locales, FallbackLocale = fallback, Version = version });
    }

    private static List<Locale>? ReadLocales(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("locales", "'locales' must be an array.");
            return null;
        }
        if (value.GetArrayLength() > MaxLocales)
        {
            errors.Add("locales", $"At most {MaxLocales} locales are allowed.");
            return null;
        }
        var locales = new List<Locale>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"locales[{index++}]";
            if (!StrictJson.IsObject(item, path, errors)) continue;
            string? code = null, name = null;
            List<string>? voices = [];
            foreach (var field in StrictJson.Properties(item, path, errors))
            {
                switch (field.Name)
                {
                    case "code":
                        code = StrictJson.String(field.Value, $"{path}.code", errors);
                        if (code is not null && !LanguageCode.IsValid(code))
                        {
                            errors.Add($"{path}.code", $"'{code}' is not {LanguageCode.Expected}.");
                            code = null;
                        }
                        break;
                    case "name":
                        name = StrictJson.String(field.Value, $"{path}.name", errors);
                        if (name is not null && (name.Trim().Length == 0 || name.Length > 128 || StrictJson.HasControlCharacters(name)))
                        {
                            errors.Add($"{path}.name", "'name' must be 1 to 128 printable characters.");
                            name = null;
                        }
                        else if (name is not null && StrictJson.FindDeceptiveCharacter(name) is { } codePoint)
                        {
                            errors.Add($"{path}.name", StrictJson.DeceptiveCharacterMessage("name", codePoint));
                            name = null;
                        }
                        break;
                    case "voices":
                        voices = ReadVoices(field.Value, $"{path}.voices", errors);
                        break;
                    default:
                        StrictJson.Unknown(field, path, errors);
                        break;
                }
            }
            if (!item.TryGetProperty("code", out _)) errors.Add($"{path}.code", "'code' is required.");
            if (!item.TryGetProperty("name", out _)) errors.Add($"{path}.name", "'name' is required.");
            if (code is null || name is null || voices is null) continue;
            if (locales.Any(l => l.Code == code))
                errors.Add($"{path}.code", $"Locale '{code}' appears more than once.");
            else
                locales.Add(new Locale(code, name, voices));
        }
        return locales;
    }

    private static List<string>? ReadVoices(JsonElement value, string path, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"'{path}' must be an array of voice ids.");
            return null;
        }
        var voices = new List<string>();
        foreach (var voice in value.EnumerateArray())
        {
            if (voice.ValueKind != JsonValueKind.String || voice.GetString() is not { Length: > 0 and <= 64 } id
                || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                errors.Add(path, "Each voice must be a voice id of 1 to 64 letters, digits, '-' or '_'.");
                return null;
            }
            if (!voices.Contains(id, StringComparer.Ordinal))
                voices.Add(id);
        }
        return voices;
    }
}
