using System.Collections.Concurrent;
using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// The resolved maps of the config grains active in this silo, readable without a grain call. Each grain publishes
/// its snapshot only after storage acknowledged the state it holds and withdraws it on deactivation, so a hit here is
/// exactly what the grain itself would answer. A miss (not active here, not found) goes to the grain as usual; on
/// another silo of a cluster there is simply no entry.
/// </summary>
public sealed class LocalResolvedConfigs
{
    private readonly ConcurrentDictionary<string, ResolvedSnapshot> _active = new(StringComparer.Ordinal);

    public bool TryGet(string id, string language, ContactChannel channel, ResolveDefaults defaults, out ResolvedConfig resolved)
    {
        if (_active.TryGetValue(id, out var snapshot))
        {
            resolved = snapshot.Resolve(language, channel, defaults);
            return true;
        }
        resolved = null!;
        return false;
    }

    internal void Publish(string id, ResolvedSnapshot snapshot) => _active[id] = snapshot;

    internal void Withdraw(string id) => _active.TryRemove(id, out _);

    public int Count => _active.Count;
}
