namespace FlowConfigs.Grains.Configs;

/// <summary>
/// What the settings add to every resolution: the locale prompts fall back to, and the zone a schedule's local times
/// are read in when its config names none. Built once per settings version, so the hot path passes one reference.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ResolveDefaults([property: Id(0)] string? FallbackLocale, [property: Id(1)] string TimeZone)
{
    public const string DefaultTimeZone = "UTC";

    public static readonly ResolveDefaults None = new(null, DefaultTimeZone);
}
