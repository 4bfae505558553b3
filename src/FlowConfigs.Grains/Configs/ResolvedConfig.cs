namespace FlowConfigs.Grains.Configs;

/// <summary>
/// A resolved map already serialized; immutable so local calls hand over the same bytes without a copy. It also says
/// which prompts lacked the language asked for and whether the fallback locale was used, worked out once with the map
/// so that counting usage on every read costs no resolving.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ResolvedConfig([property: Id(0)] byte[] Utf8Json)
{
    private static readonly string[] NoPrompts = [];

    [Id(1)]
    public string[] MissingPrompts { get; init; } = NoPrompts;

    [Id(2)]
    public bool UsedFallback { get; init; }
}
