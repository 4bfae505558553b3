namespace FlowConfigs.Domain.Configs;

/// <summary>Rules for config ids: DNIS numbers, plain names and hierarchical paths, never anything a path or storage key could misread.</summary>
public static class FlowConfigId
{
    public const int MaxLength = 128;

    /// <summary>Ids that name storage items or routes.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
        { "application-settings", "preview", "export", "import" };

    /// <summary>Null when <paramref name="id"/> is a valid config id, else why not (a sentence for the caller).</summary>
    public static string? Validate(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return "The id is required.";
        if (id.Length > MaxLength)
            return $"The id is {id.Length} characters long; at most {MaxLength} are allowed.";
        foreach (var c in id)
            if (!IsIdCharacter(c))
                return $"The id contains '{Describe(c)}'; only letters, digits and + - _ . : / @ are allowed.";
        if (id[0] == '/' || id[^1] == '/')
            return "The id must not start or end with '/'.";
        if (id.Contains("//", StringComparison.Ordinal))
            return "The id must not contain '//'.";
        foreach (var segment in id.Split('/'))
            if (segment is "." or "..")
                return "The id must not contain a '.' or '..' segment.";
        if (Reserved.Contains(id))
            return $"The id '{id}' is reserved.";
        return null;
    }

    private static bool IsIdCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.' or ':' or '/' or '@';

    /// <summary>Control and invisible characters are shown as code points so the message itself stays printable.</summary>
    internal static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || c > '~' ? $"U+{(int)c:X4}" : c.ToString();
}
