namespace FlowConfigs.Domain.Configs;

/// <summary>Prompt languages as Amazon Connect and Polly name them: <c>xx</c>, <c>xxx</c>, <c>xx-XX</c> or <c>xxx-XX</c> (en-US, arb, cmn-CN).</summary>
public static class LanguageCode
{
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? code)
    {
        if (code is null) return false;
        var dash = code.IndexOf('-');
        var language = dash < 0 ? code : code[..dash];
        if (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower))
            return false;
        if (dash < 0) return true;
        var region = code[(dash + 1)..];
        return region.Length == 2 && region.All(char.IsAsciiLetterUpper);
    }

    public const string Expected = "a language code such as en-US, es-US, arb or cmn-CN";
}
