namespace FlowConfigs.Grains.Storage;

/// <summary>Enumerates stored grain states of one type; for rebuilding in-memory indexes on activation, never per request.</summary>
public interface IGrainStateCatalog
{
    IAsyncEnumerable<(string GrainKey, T State)> ReadAllAsync<T>(string grainType, string stateName, CancellationToken cancellationToken = default);
}
