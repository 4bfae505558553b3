namespace FlowConfigs.Gateway.Features.Operations;

/// <summary>The cluster as an on-call operator needs it: every task, what membership says of it, and its own figures.</summary>
public sealed record ClusterView(DateTimeOffset At, IReadOnlyList<SiloView> Silos);

/// <summary>
/// One silo (one gateway task). <see cref="Version"/> and <see cref="ReadCopies"/> are the silo's own report: null when
/// it did not answer in time, or is not active. <see cref="Activations"/> is null when Orleans could not count them.
/// </summary>
public sealed record SiloView(
    string Address,
    string Name,
    string Host,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeenAt,
    long? UptimeSeconds,
    string? Version,
    int? Activations,
    IReadOnlyDictionary<string, int>? ActivationsByType,
    bool IsThisSilo,
    ReadCopyFigures? ReadCopies);

/// <summary>Reads since the silo started: answered from memory (hits) or by a grain call (misses), and the copies held now.</summary>
public sealed record ReadCopyFigures(long Hits, long Misses, double? HitRate, int Copies);
