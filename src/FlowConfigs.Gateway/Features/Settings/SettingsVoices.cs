using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Settings;
using FlowConfigs.Gateway.Features.Speech;

namespace FlowConfigs.Gateway.Features.Settings;

/// <summary>
/// Settings may name only voices the speech provider offers for the locale's language: a voice saved by mistake is
/// what Play and prompt authors would otherwise meet later, far from where it was typed.
/// </summary>
internal static class SettingsVoices
{
    public static bool AnyVoices(AppSettings settings) => settings.Locales.Any(l => l.Voices.Count > 0);

    /// <returns>One plain sentence per voice the provider does not offer, keyed <c>locales[i].voices[j]</c>.</returns>
    public static FieldErrors Check(AppSettings settings, SpeechVoiceList offered)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < settings.Locales.Count; i++)
        {
            var locale = settings.Locales[i];
            var forLanguage = offered.Voices.Where(v => v.Speaks(locale.Code)).Select(v => v.Id).ToArray();
            for (var j = 0; j < locale.Voices.Count; j++)
            {
                var id = locale.Voices[j];
                if (forLanguage.Contains(id, StringComparer.Ordinal))
                    continue;
                var known = offered.Voices.FirstOrDefault(v => v.Id == id);
                var problem = known is null
                    ? $"{offered.Provider} has no voice called {id}."
                    : $"{id} does not speak {locale.Name} ({locale.Code}).";
                var choice = forLanguage.Length == 0
                    ? $" It has no voice for {locale.Code}; leave the voices empty or choose another language."
                    : $" Choose one of: {string.Join(", ", forLanguage)}.";
                errors.Add($"locales[{i}].voices[{j}]", problem + choice);
            }
        }
        return errors;
    }
}
