using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain;
using Microsoft.Extensions.Logging;

namespace FlowConfigs.Grains.Storage;

public enum DocumentWriteStatus { Written, Conflict, Unavailable }

/// <summary>What a write did; on a conflict, the version storage holds; when unavailable, what to tell the caller.</summary>
public readonly record struct DocumentWriteOutcome(DocumentWriteStatus Status, long StoredVersion = 0, StorageFault? Fault = null);

/// <summary>
/// A grain's durable document: read on activation, written with the version it was read at. The value held is always
/// one storage acknowledged, so a grain can keep serving it whatever storage does. After a write whose outcome is
/// unknown (or lost to another writer) it is marked uncertain and re-read before the next write.
/// </summary>
public sealed class PersistedDocument<T>(
    IDocumentStore store, UnreadableDocuments unreadable, OutboxNudge events, TimeProvider clock, DocumentKey key, Func<JsonObject, T> read, ILogger logger)
    where T : class
{
    // One per activation: after an unknown outcome this writer may take back its own unfinished revision.
    private readonly string _writer = Guid.NewGuid().ToString("N");

    public DocumentKey Key => key;

    /// <summary>The acknowledged value; null when there is none (never stored, deleted, or unreadable).</summary>
    public T? Value { get; private set; }

    /// <summary>The acknowledged version (0: never written by us).</summary>
    public long Version { get; private set; }

    /// <summary>Whether storage holds a record for the key, a tombstone included.</summary>
    public bool RecordExists { get; private set; }

    /// <summary>Why the stored body could not be read, when it could not.</summary>
    public string? UnreadableReason { get; private set; }

    /// <summary>A write's outcome is unknown or another writer got there first: storage may hold something newer.</summary>
    public bool Uncertain { get; private set; }

    /// <exception cref="StorageUnavailableException">Storage did not answer.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken = default) => Apply(await store.ReadAsync(key, cancellationToken));

    /// <summary>Re-reads storage when <see cref="Uncertain"/>; a fault when storage still cannot say what it holds.</summary>
    public async Task<StorageFault?> EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (!Uncertain) return null;
        try
        {
            await LoadAsync(cancellationToken);
            return null;
        }
        catch (StorageUnavailableException exception)
        {
            logger.LogWarning("Re-reading {Key} failed: {Reason}", key, exception.Message);
            return new StorageFault($"Storage is not answering, so the current state of {key.Id} cannot be checked. Nothing was changed; try again in a moment.",
                StorageFault.Shortly);
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> (null deletes) as the next version, with its revision if given and, in the same
    /// durable step, the audit line and change event of <paramref name="note"/>.
    /// </summary>
    public async Task<DocumentWriteOutcome> WriteAsync(T? value, StoredRevision? revision = null, ChangeNote? note = null)
    {
        var body = value is null ? null : JsonSerializer.SerializeToNode(value, DomainJson.Options)!.AsObject();
        var next = (RecordExists ? Version : 0) + 1;
        if (note is not null && revision is not null)
            revision = revision with { Details = note.RevisionDetails() };
        var write = new DocumentWrite(RecordExists ? Version : null, body, revision)
        {
            Writer = _writer,
            Audit = note?.Audit(key, next),
            Event = note?.Event(key, next),
        };
        WriteResult result;
        try
        {
            result = await store.WriteAsync(key, write);
        }
        catch (StorageUnavailableException exception)
        {
            Uncertain = true;
            logger.LogWarning("Write of {Key} version {Version} has an unknown outcome: {Reason}", key, write.NextVersion, exception.Message);
            return new(DocumentWriteStatus.Unavailable, Version, new StorageFault(
                $"Storage did not confirm the change to {key.Id}: it may or may not have been stored. Version {Version} stays live; " +
                "read it again before retrying.", StorageFault.Shortly));
        }

        switch (result.Status)
        {
            case WriteStatus.Written:
                (Value, Version, RecordExists, UnreadableReason, Uncertain) = (value, result.StoredVersion, true, null, false);
                unreadable.Clear(key);
                if (write.Event is not null)
                    events.Nudge();
                return new(DocumentWriteStatus.Written, result.StoredVersion);
            case WriteStatus.Leased:
                var wait = result.LeasedUntil!.Value - clock.GetUtcNow();
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
                logger.LogWarning("Write of {Key} version {Version} waits for a stopped writer's lease until {Until:O}", key, write.NextVersion, result.LeasedUntil);
                return new(DocumentWriteStatus.Unavailable, Version, new StorageFault(
                    $"A save to {key.Id} that stopped half-way (its task was lost) still holds version {write.NextVersion} until " +
                    $"{result.LeasedUntil:HH:mm:ss} UTC. Nothing was changed; try again after that, in about {retryAfter.TotalSeconds:0} s.", retryAfter));
            default:
                Uncertain = true;
                return new(DocumentWriteStatus.Conflict, result.StoredVersion);
        }
    }

    private void Apply(StoredDocument? stored)
    {
        RecordExists = stored is not null;
        Version = stored?.Version ?? 0;
        Uncertain = false;
        try
        {
            Value = stored?.Body is { } body ? read(body) : null;
            UnreadableReason = null;
            unreadable.Clear(key);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            Value = null;
            UnreadableReason = exception.Message;
            unreadable.Report(key, exception.Message);
            logger.LogError("Stored {Key} version {Version} cannot be read and is not served: {Reason}", key, Version, exception.Message);
        }
    }
}
