using System.Collections.Concurrent;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// Documents this silo found stored but could not read (hand-edited, written by another tool, an older shape). One
/// such item must not stop the service: it is skipped, answered with a 503 for its own id, and listed here for
/// readiness to report as Degraded until a later read succeeds.
/// </summary>
public sealed class UnreadableDocuments
{
    private readonly ConcurrentDictionary<DocumentKey, string> _found = new();

    public void Report(DocumentKey key, string reason) => _found[key] = reason;

    public void Clear(DocumentKey key) => _found.TryRemove(key, out _);

    public IReadOnlyDictionary<DocumentKey, string> Current => _found;
}
