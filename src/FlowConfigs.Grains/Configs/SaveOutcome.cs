using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Grains.Configs;

public enum SaveStatus { Created, Updated, PreconditionFailed, StructuralChangeForbidden, NotFound }

/// <summary>What a save did: the stored config with its new version, or why nothing was stored.</summary>
[GenerateSerializer, Immutable]
public sealed record SaveOutcome(
    [property: Id(0)] SaveStatus Status,
    [property: Id(1)] FlowConfig? Config = null,
    [property: Id(2)] StructuralChange? Forbidden = null,
    [property: Id(3)] long CurrentVersion = 0);

public enum DeleteStatus { Deleted, NotFound, PreconditionFailed }

[GenerateSerializer, Immutable]
public sealed record DeleteOutcome([property: Id(0)] DeleteStatus Status, [property: Id(1)] long CurrentVersion = 0);
