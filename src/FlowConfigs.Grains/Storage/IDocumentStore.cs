using System.Text.Json.Nodes;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// Where grains keep what must survive them: JSON documents keyed by a kind and an id, each with a version that every
/// write (a delete too) counts up, and optionally a revision kept in the same durable step. Providers know nothing of
/// the grains: a new kind of document needs no provider change.
/// </summary>
public interface IDocumentStore
{
    /// <summary>The stored document, a tombstone (<see cref="StoredDocument.Body"/> null), or null when there never was one.</summary>
    /// <exception cref="StorageUnavailableException">Storage could not answer.</exception>
    Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes version <see cref="DocumentWrite.ExpectedVersion"/> + 1 if the stored version is still the expected one
    /// (null: no record yet), with its revision when one is given. Written, or why not; nothing is written unless written.
    /// </summary>
    /// <exception cref="StorageUnavailableException">Whether the write landed is unknown: read before trusting either.</exception>
    Task<WriteResult> WriteAsync(DocumentKey key, DocumentWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every document of <paramref name="kind"/> (tombstones too), in ordinal id order; for rebuilding indexes, never per
    /// request. With <paramref name="fields"/>, bodies carry only those top-level fields (plus <c>id</c> and
    /// <c>version</c>), read by storage itself so an index over 100,000 documents does not parse them whole.
    /// </summary>
    IAsyncEnumerable<StoredDocument> ListAsync(string kind, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary>The kept revisions of a document, newest first; empty when it never wrote one.</summary>
    Task<IReadOnlyList<RevisionHeader>> ListRevisionsAsync(DocumentKey key, CancellationToken cancellationToken = default);

    /// <summary>One kept revision, or null (never written, not committed, or past retention).</summary>
    Task<StoredRevision?> ReadRevisionAsync(DocumentKey key, long version, CancellationToken cancellationToken = default);

    /// <summary>A one-line description when usable; throws with a sentence an operator can act on otherwise.</summary>
    Task<string> ProbeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Audit lines of acknowledged writes, newest first, matching <paramref name="query"/>; a line whose write did not
    /// land is never listed.
    /// </summary>
    /// <exception cref="StorageUnavailableException">Storage could not answer.</exception>
    Task<AuditPage> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Change events of acknowledged writes not yet removed, oldest first; an event whose write did not land is never
    /// listed (and is dropped once storage knows it never will).
    /// </summary>
    /// <exception cref="StorageUnavailableException">Storage could not answer.</exception>
    Task<IReadOnlyList<OutboxEvent>> ListOutboxAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes a delivered event, as <see cref="ListOutboxAsync"/> listed it; removing one already gone does nothing.</summary>
    /// <exception cref="StorageUnavailableException">Storage could not answer.</exception>
    Task RemoveOutboxAsync(OutboxEvent delivered, CancellationToken cancellationToken = default);
}

/// <summary>A document's address: its kind (<c>flowconfig</c>, <c>settings</c>, …) and its id within that kind.</summary>
public readonly record struct DocumentKey(string Kind, string Id)
{
    public override string ToString() => $"{Kind}/{Id}";
}

/// <summary>
/// One stored document. <see cref="Body"/> carries the document's fields, with <c>id</c> and <c>version</c> set by
/// storage; null means deleted, kept so versions go on counting up across delete and re-create.
/// </summary>
public sealed record StoredDocument(string Id, long Version, JsonObject? Body);

/// <summary>
/// What one write stores: the next version's body (null deletes) and its revision, if the kind keeps history; with
/// it, in the same durable step, its audit line and its change event. A write carrying either must keep a revision.
/// </summary>
public sealed record DocumentWrite(long? ExpectedVersion, JsonObject? Body, StoredRevision? Revision = null)
{
    /// <summary>Listed by <see cref="IDocumentStore.ListAuditAsync"/> once the write is acknowledged.</summary>
    public AuditRecord? Audit { get; init; }

    /// <summary>Listed by <see cref="IDocumentStore.ListOutboxAsync"/> once the write is acknowledged, until removed.</summary>
    public OutboxEvent? Event { get; init; }

    public long NextVersion => (ExpectedVersion ?? 0) + 1;

    /// <summary>
    /// Names the writer (one per grain activation), so a writer retrying after an unknown outcome may take back its own
    /// unfinished revision while anyone else must wait for the lease.
    /// </summary>
    public string Writer { get; init; } = Guid.NewGuid().ToString("N");
}

/// <summary>A history line: who did what at which version, and what else the change said (approvers, emergency).</summary>
public sealed record RevisionHeader(long Version, DateTimeOffset At, string By, string Action)
{
    public JsonObject? Details { get; init; }
}

/// <summary>A history entry with the document as it stood after it (for a delete, the document that was deleted).</summary>
public sealed record StoredRevision(long Version, DateTimeOffset At, string By, string Action, JsonObject Document)
{
    /// <summary>What else the change said: who approved it, an emergency's reason.</summary>
    public JsonObject? Details { get; init; }

    public RevisionHeader Header => new(Version, At, By, Action) { Details = Details };
}

public enum WriteStatus
{
    Written,
    /// <summary>The stored version is not the expected one (someone else wrote, or a record exists where none was expected).</summary>
    Conflict,
    /// <summary>A writer that stopped between its revision and its document holds the next version until its lease ends.</summary>
    Leased,
}

public sealed record WriteResult(WriteStatus Status, long StoredVersion, DateTimeOffset? LeasedUntil = null)
{
    public static WriteResult Written(long version) => new(WriteStatus.Written, version);
}

/// <summary>Storage did not answer (unreachable, throttled, timed out). For a write, whether it landed is unknown.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One line of the audit log: who did what to which document, at which version.</summary>
public sealed record AuditRecord(DateTimeOffset At, string By, string Kind, string Id, long? Version, string Action, JsonObject? Details = null);

/// <summary>An audit line as listed, with the opaque position it was listed at.</summary>
public sealed record StoredAudit(string Seq, AuditRecord Record);

/// <summary>
/// Which audit lines to list: all filters optional; <see cref="Id"/> and <see cref="By"/> match exactly,
/// <see cref="From"/> inclusive, <see cref="To"/> exclusive; <see cref="Cursor"/> continues a previous page.
/// </summary>
public sealed record AuditQuery(string? Id = null, string? By = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? Action = null, string? Cursor = null, int Limit = 50);

/// <summary>A page of audit lines, newest first, and where the next page starts (null: no more).</summary>
public sealed record AuditPage(IReadOnlyList<StoredAudit> Items, string? NextCursor);

/// <summary>A change event waiting for delivery. <see cref="Subject"/> groups events that must arrive in order (a document).</summary>
public sealed record OutboxEvent(string EventId, DateTimeOffset At, string Subject, JsonObject Body)
{
    /// <summary>Where the store keeps it, set when listed.</summary>
    public string? Position { get; init; }
}
