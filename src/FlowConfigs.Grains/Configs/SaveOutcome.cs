using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Grains.Storage;

namespace FlowConfigs.Grains.Configs;

public enum SaveStatus { Created, Updated, PreconditionFailed, StructuralChangeForbidden, NotFound, Unavailable, DraftRequired }

/// <summary>What a save did: the stored config with its new version, or why nothing was (known to be) stored.</summary>
[GenerateSerializer, Immutable]
public sealed record SaveOutcome(
    [property: Id(0)] SaveStatus Status,
    [property: Id(1)] FlowConfig? Config = null,
    [property: Id(2)] StructuralChange? Forbidden = null,
    [property: Id(3)] long CurrentVersion = 0,
    [property: Id(4)] StorageFault? Fault = null,
    [property: Id(5)] int ApprovalsRequired = 0);

public enum DeleteStatus { Deleted, NotFound, PreconditionFailed, Unavailable, DraftRequired }

[GenerateSerializer, Immutable]
public sealed record DeleteOutcome(
    [property: Id(0)] DeleteStatus Status,
    [property: Id(1)] long CurrentVersion = 0,
    [property: Id(2)] StorageFault? Fault = null,
    [property: Id(3)] int ApprovalsRequired = 0);

/// <summary>
/// How a direct change goes live: <see cref="EmergencyReason"/> takes a config that needs approval live without it
/// (Full access only; flagged in history, audit and events); <see cref="Action"/> names it in the audit log when it is
/// not a plain save (<c>import</c>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeOptions([property: Id(0)] string? EmergencyReason = null, [property: Id(1)] string? Action = null);

/// <summary>A config's history, newest first, or why storage could not list it.</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryOutcome([property: Id(0)] IReadOnlyList<RevisionSummary> Revisions, [property: Id(1)] StorageFault? Fault = null);

/// <summary>One revision (null: not kept), or why storage could not read it.</summary>
[GenerateSerializer, Immutable]
public sealed record RevisionOutcome([property: Id(0)] Revision? Revision, [property: Id(1)] StorageFault? Fault = null);
