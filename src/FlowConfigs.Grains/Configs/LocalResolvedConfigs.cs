using System.Collections.Concurrent;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Grains.Configs;

/// <summary>
/// The resolved maps of the config grains active in this silo, readable without a grain call. Each grain publishes
/// its snapshot only after storage acknowledged the state it holds, withdraws it before every write and on
/// deactivation, so a hit here is exactly what the grain itself would answer. A miss (not active here, not found,
/// write in progress) goes to the grain as usual; on another silo of a cluster there is simply no entry.
/// </summary>
public sealed class LocalResolvedConfigs
{
    private readonly ConcurrentDictionary<string, ResolvedSnapshot> _active = new(StringComparer.Ordinal);

    public bool TryGet(string id, string language, ContactChannel channel, string? fallbackLocale, out ResolvedConfig resolved)
    {
        if (_active.TryGetValue(id, out var snapshot))
        {
            resolved = snapshot.Resolve(language, channel, fallbackLocale);
            return true;
        }
        resolved = null!;
        return false;
    }

    internal void Publish(string id, ResolvedSnapshot snapshot) => _active[id] = snapshot;

    internal void Withdraw(string id) => _active.TryRemove(id, out _);

    public int Count => _active.Count;
}

/// <summary>One acknowledged config and its resolved maps, built lazily per (language, channel, fallback locale).</summary>
internal sealed class ResolvedSnapshot(FlowConfig config)
{
    // Languages come from callers; bound the cache so odd requests cannot grow it without limit.
    private const int MaxCachedMaps = 64;

    private readonly ConcurrentDictionary<(string Language, ContactChannel Channel, string? Fallback), ResolvedConfig> _maps = new();

    public FlowConfig Config => config;

    public ResolvedConfig Resolve(string language, ContactChannel channel, string? fallbackLocale)
    {
        var key = (language, channel, fallbackLocale);
        if (_maps.TryGetValue(key, out var resolved))
            return resolved;
        resolved = new ResolvedConfig(ConfigResolver.ResolveUtf8(config, language, channel, fallbackLocale));
        return _maps.Count < MaxCachedMaps ? _maps.GetOrAdd(key, resolved) : resolved;
    }
}
