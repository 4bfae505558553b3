namespace FlowConfigs.Grains.Configs;

/// <summary>A resolved map already serialized; immutable so local calls hand over the same bytes without a copy.</summary>
[GenerateSerializer, Immutable]
public sealed record ResolvedConfig([property: Id(0)] byte[] Utf8Json);
