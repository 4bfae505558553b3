using FlowConfigs.Grains.Storage.DynamoDb;
using FlowConfigs.Grains.Storage.Sqlite;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// Moves a laptop's data to AWS: every document of every kind (deleted ones as tombstones) with its whole history,
/// and the audit log, from the SQLite file into the DynamoDB tables. Items already in DynamoDB are left alone, so a
/// rerun is safe. Change events not yet delivered stay behind: they belong to the laptop's receivers.
/// </summary>
public static class StorageMigration
{
    public sealed record Result(int Copied, int Skipped, int AuditLines = 0);

    public static async Task<Result> CopyAsync(SqliteDocumentStore source, DynamoDbDocumentStore target, TextWriter log, CancellationToken cancellationToken = default)
    {
        await target.CheckTablesAsync(cancellationToken);
        int copied = 0, skipped = 0;
        foreach (var kind in await source.KindsAsync(cancellationToken))
        {
            await foreach (var document in source.ListAsync(kind, cancellationToken: cancellationToken))
            {
                var key = new DocumentKey(kind, document.Id);
                var history = new List<StoredRevision>();
                foreach (var header in (await source.ListRevisionsAsync(key, cancellationToken)).Reverse())
                    if (await source.ReadRevisionAsync(key, header.Version, cancellationToken) is { } revision)
                        history.Add(revision);
                if (await target.ImportAsync(key, document, history, cancellationToken))
                {
                    copied++;
                    log.WriteLine($"copied {key} (version {document.Version}, {history.Count} revisions)");
                }
                else
                {
                    skipped++;
                    log.WriteLine($"skipped {key}: already in DynamoDB");
                }
            }
        }
        var audit = 0;
        string? cursor = null;
        do
        {
            var page = await source.ListAuditAsync(new AuditQuery(Cursor: cursor, Limit: 500), cancellationToken);
            foreach (var line in page.Items)
                if (await target.ImportAuditAsync(line, cancellationToken))
                    audit++;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        log.WriteLine($"{copied} copied, {skipped} skipped, {audit} audit lines copied");
        return new Result(copied, skipped, audit);
    }
}
