using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// Grain state that carries the revision its next write records. The storage provider keeps that revision in the
/// same durable step as the state, so no acknowledged save exists without its history entry.
/// </summary>
public interface IRevisionedState
{
    Revision? PendingRevision { get; }
}

/// <summary>Reads the revisions a storage provider kept beside grain state.</summary>
public interface IRevisionStore
{
    /// <summary>Newest first; empty when the grain never wrote one.</summary>
    Task<IReadOnlyList<RevisionSummary>> ListAsync(string grainType, string grainKey, CancellationToken cancellationToken = default);

    Task<Revision?> GetAsync(string grainType, string grainKey, long version, CancellationToken cancellationToken = default);
}
