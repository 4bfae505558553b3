namespace FlowConfigs.Grains.Storage;

/// <summary>A storage provider that can say whether it is usable right now (for <c>/health/ready</c>), and what it is.</summary>
public interface IStorageProbe
{
    /// <summary>A one-line description when healthy; throws with a sentence an operator can act on otherwise.</summary>
    Task<string> ProbeAsync(CancellationToken cancellationToken = default);
}
