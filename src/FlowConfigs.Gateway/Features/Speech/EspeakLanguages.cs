using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// The language codes Amazon Connect and Polly use, each with the espeak-ng voice that comes closest. A language
/// counts as supported only when <c>espeak-ng --voices</c> lists that voice, since distributions package voices apart.
/// </summary>
internal static class EspeakLanguages
{
    public static readonly IReadOnlyDictionary<string, string> Voices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["arb"] = "ar",
        ["ar-AE"] = "ar",
        ["ca-ES"] = "ca",
        ["cmn-CN"] = "cmn",
        ["cs-CZ"] = "cs",
        ["cy-GB"] = "cy",
        ["da-DK"] = "da",
        ["de-AT"] = "de",
        ["de-CH"] = "de",
        ["de-DE"] = "de",
        ["en-AU"] = "en-gb",
        ["en-GB"] = "en-gb",
        ["en-IE"] = "en-gb",
        ["en-IN"] = "en-gb",
        ["en-NZ"] = "en-gb",
        ["en-SG"] = "en-gb",
        ["en-US"] = "en-us",
        ["en-ZA"] = "en-gb",
        ["es-ES"] = "es",
        // espeak-ng's Latin American Spanish.
        ["es-MX"] = "es-419",
        ["es-US"] = "es-419",
        ["fi-FI"] = "fi",
        ["fr-BE"] = "fr-be",
        ["fr-CA"] = "fr-fr",
        ["fr-FR"] = "fr-fr",
        ["hi-IN"] = "hi",
        ["is-IS"] = "is",
        ["it-IT"] = "it",
        ["ja-JP"] = "ja",
        ["ko-KR"] = "ko",
        ["nb-NO"] = "nb",
        ["nl-BE"] = "nl",
        ["nl-NL"] = "nl",
        ["pl-PL"] = "pl",
        ["pt-BR"] = "pt-br",
        ["pt-PT"] = "pt",
        ["ro-RO"] = "ro",
        ["ru-RU"] = "ru",
        ["sv-SE"] = "sv",
        ["tr-TR"] = "tr",
        ["yue-CN"] = "yue",
    };

    /// <summary>
    /// The voices <c>espeak-ng --voices</c> lists (after its header: priority, language, age/gender, name, file, other
    /// languages). A voice's id is its language column, which is what <c>-v</c> takes; it speaks the prompt languages
    /// the table above gives it, and its own code read as one (en-gb-scotland speaks en-GB).
    /// </summary>
    public static IReadOnlyList<SpeechVoice> ParseVoices(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns.Length >= 4)
            .Select(columns => new SpeechVoice(columns[1], columns[3].Replace('_', ' '), LanguagesOf(columns[1]), Gender(columns[2])))
            .DistinctBy(voice => voice.Id)
            .ToArray();

    private static string[] LanguagesOf(string voice)
    {
        var codes = Voices.Where(entry => entry.Value == voice).Select(entry => entry.Key).ToList();
        var parts = voice.Split('-');
        var own = parts.Length > 1 && parts[1].Length == 2 && parts[1].All(char.IsAsciiLetter) ? $"{parts[0]}-{parts[1].ToUpperInvariant()}" : parts[0];
        if (LanguageCode.IsValid(own) && !codes.Contains(own))
            codes.Add(own);
        return [.. codes.Order(StringComparer.Ordinal)];
    }

    private static string? Gender(string ageAndGender) => ageAndGender.Split('/') switch
    {
        [_, "M"] => "Male",
        [_, "F"] => "Female",
        _ => null,
    };

    /// <summary>The Polly codes whose voice is installed, in a stable order for messages.</summary>
    public static IReadOnlyList<string> Supported(IReadOnlySet<string> installed) =>
        Voices.Where(entry => installed.Contains(entry.Value)).Select(entry => entry.Key).Order(StringComparer.Ordinal).ToArray();
}
