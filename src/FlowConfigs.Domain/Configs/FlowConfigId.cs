namespace FlowConfigs.Domain.Configs;

/// <summary>Rules for config ids: DNIS numbers, plain names and hierarchical paths, never anything a path or storage key could misread.</summary>
public static class FlowConfigId
{
    public const int MaxLength = 128;

    /// <summary>Ids that name storage items or routes.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
        { "application-settings", "preview", "export", "import" };

    /// <summary>Null when <paramref name="id"/> is a valid config id, else why not (a sentence for the caller).</summary>
    public static string? Validate(string? id) => throw new NotImplementedException();
}
