namespace FlowConfigs.Domain.Settings;

/// <summary>Application-wide settings: the locales (and their voices) prompts are written in, and the fallback locale.</summary>
public sealed record AppSettings
{
    public required IReadOnlyList<Locale> Locales { get; init; }
    public string? FallbackLocale { get; init; }
    /// <summary>IANA zone for configs that name none; null: UTC.</summary>
    public string? TimeZone { get; init; }
    /// <summary>Configs that go live only with approvals; the first rule matching an id decides. Null or empty: none.</summary>
    public IReadOnlyList<ChangeControl.ApprovalRule>? Approvals { get; init; }
    public long Version { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
}

public sealed record Locale(string Code, string Name, IReadOnlyList<string> Voices);
