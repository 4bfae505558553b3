using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FlowConfigs.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Storage.Sqlite;

/// <summary>
/// Documents in one SQLite file, as readable JSON. WAL with <c>synchronous=FULL</c> means a write is on disk before
/// the grain hears it succeeded, so an acknowledged save survives <c>kill -9</c> and power loss. A document, its
/// revision, its audit line and its change event are written in one transaction.
/// </summary>
public sealed class SqliteDocumentStore(IOptions<SqliteStorageOptions> configured, ILogger<SqliteDocumentStore> logger)
    : IDocumentStore, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly SqliteStorageOptions _options = configured.Value;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = _options.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    // SQLite has one writer at a time; one long-lived writer connection (with its pragmas) behind a gate avoids
    // busy retries, while reads use pooled connections and run side by side under WAL.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;
    private Task? _initialized;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteDocumentStore), ServiceLifecycleStage.ApplicationServices, _ => EnsureInitializedAsync());

    public Task EnsureInitializedAsync() => LazyInitializer.EnsureInitialized(ref _initialized, InitializeAsync);

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_options.DatabasePath)!);
        var writer = new SqliteConnection(ConnectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS documents (
                kind       TEXT NOT NULL,
                id         TEXT NOT NULL,
                version    INTEGER NOT NULL,
                body       TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (kind, id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS document_revisions (
                kind     TEXT NOT NULL,
                id       TEXT NOT NULL,
                version  INTEGER NOT NULL,
                at       TEXT NOT NULL,
                by_user  TEXT NOT NULL,
                action   TEXT NOT NULL,
                document TEXT NOT NULL,
                details  TEXT,
                PRIMARY KEY (kind, id, version)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS audit (
                seq     INTEGER PRIMARY KEY AUTOINCREMENT,
                at      TEXT NOT NULL,
                by_user TEXT NOT NULL,
                kind    TEXT NOT NULL,
                id      TEXT NOT NULL,
                version INTEGER,
                action  TEXT NOT NULL,
                details TEXT
            );
            CREATE INDEX IF NOT EXISTS audit_by_id ON audit (id, seq);
            CREATE INDEX IF NOT EXISTS audit_by_user ON audit (by_user, seq);
            CREATE TABLE IF NOT EXISTS outbox (
                seq      INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                at       TEXT NOT NULL,
                subject  TEXT NOT NULL,
                body     TEXT NOT NULL
            );
            """);
        await UpgradeGrainStateLayoutAsync(writer);
        await AddRevisionDetailsAsync(writer);
        _writer = writer;
        logger.LogInformation("Document store: SQLite at {Path}", _options.DatabasePath);
    }

    /// <summary>Files written before revisions said who approved them have no column for it yet.</summary>
    private static async Task AddRevisionDetailsAsync(SqliteConnection writer)
    {
        await using var columns = writer.CreateCommand();
        columns.CommandText = "SELECT count(*) FROM pragma_table_info('document_revisions') WHERE name = 'details'";
        if ((long)(await columns.ExecuteScalarAsync())! == 0)
            await ExecuteAsync(writer, "ALTER TABLE document_revisions ADD COLUMN details TEXT");
    }

    /// <summary>
    /// Files written before documents had their own table kept Orleans grain state: the document wrapped in a property
    /// named like the state, the row version as its etag. Moved once, in one transaction.
    /// </summary>
    private async Task UpgradeGrainStateLayoutAsync(SqliteConnection writer)
    {
        await using (var exists = writer.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'grain_state'";
            if ((long)(await exists.ExecuteScalarAsync())! == 0) return;
        }
        await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync();
        await using var command = writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO documents (kind, id, version, body, updated_at)
            SELECT grain_type, grain_key, etag, json_extract(payload, '$.' || state_name), updated_at FROM grain_state;
            INSERT OR IGNORE INTO document_revisions (kind, id, version, at, by_user, action, document)
            SELECT grain_type, grain_key, version, at, by_user, action, document FROM revisions;
            DROP TABLE grain_state;
            DROP TABLE revisions;
            """;
        var moved = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Document store: moved {Rows} rows from the grain-state layout", moved);
    }

    public async Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
        await GuardAsync(key, async () =>
        {
            await using var connection = await OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, body FROM documents WHERE kind = $kind AND id = $id";
            AddKey(command, key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? Document(key.Id, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1))
                : null;
        });

    public async Task<WriteResult> WriteAsync(DocumentKey key, DocumentWrite write, CancellationToken cancellationToken = default) =>
        await GuardAsync(key, async () =>
        {
            await EnsureInitializedAsync();
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var transaction = (SqliteTransaction)await _writer!.BeginTransactionAsync(cancellationToken);
                await using var command = _writer.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = write.ExpectedVersion is null
                    ? """
                      INSERT INTO documents (kind, id, version, body, updated_at) VALUES ($kind, $id, $next, $body, $now)
                      ON CONFLICT DO NOTHING
                      """
                    : """
                      UPDATE documents SET version = $next, body = $body, updated_at = $now
                      WHERE kind = $kind AND id = $id AND version = $expected
                      """;
                AddKey(command, key);
                command.Parameters.AddWithValue("$expected", (object?)write.ExpectedVersion ?? DBNull.Value);
                command.Parameters.AddWithValue("$next", write.NextVersion);
                command.Parameters.AddWithValue("$body", (object?)write.Body?.ToJsonString(DomainJson.Options) ?? DBNull.Value);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    if (write.Revision is { } revision)
                        await AddRevisionAsync(transaction, key, revision, cancellationToken);
                    if (write.Audit is { } audit)
                        await AddAuditAsync(transaction, audit, cancellationToken);
                    if (write.Event is { } change)
                        await AddEventAsync(transaction, change, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return WriteResult.Written(write.NextVersion);
                }
                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }
            return new WriteResult(WriteStatus.Conflict, (await ReadAsync(key, cancellationToken))?.Version ?? 0);
        });

    private async Task AddRevisionAsync(SqliteTransaction transaction, DocumentKey key, StoredRevision revision, CancellationToken cancellationToken)
    {
        await using var command = _writer!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO document_revisions (kind, id, version, at, by_user, action, document, details)
            VALUES ($kind, $id, $version, $at, $by, $action, $document, $details);
            DELETE FROM document_revisions WHERE $keep > 0 AND kind = $kind AND id = $id AND version <= $version - $keep;
            """;
        AddKey(command, key);
        command.Parameters.AddWithValue("$version", revision.Version);
        command.Parameters.AddWithValue("$at", revision.At.ToString("O"));
        command.Parameters.AddWithValue("$by", revision.By);
        command.Parameters.AddWithValue("$action", revision.Action);
        command.Parameters.AddWithValue("$document", revision.Document.ToJsonString(DomainJson.Options));
        command.Parameters.AddWithValue("$details", (object?)revision.Details?.ToJsonString(DomainJson.Options) ?? DBNull.Value);
        command.Parameters.AddWithValue("$keep", _options.KeepRevisions);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AddAuditAsync(SqliteTransaction transaction, AuditRecord audit, CancellationToken cancellationToken)
    {
        await using var command = _writer!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit (at, by_user, kind, id, version, action, details) VALUES ($at, $by, $kind, $id, $version, $action, $details)
            """;
        command.Parameters.AddWithValue("$at", Time(audit.At));
        command.Parameters.AddWithValue("$by", audit.By);
        command.Parameters.AddWithValue("$kind", audit.Kind);
        command.Parameters.AddWithValue("$id", audit.Id);
        command.Parameters.AddWithValue("$version", (object?)audit.Version ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", audit.Action);
        command.Parameters.AddWithValue("$details", (object?)audit.Details?.ToJsonString(DomainJson.Options) ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AddEventAsync(SqliteTransaction transaction, OutboxEvent change, CancellationToken cancellationToken)
    {
        await using var command = _writer!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO outbox (event_id, at, subject, body) VALUES ($eventId, $at, $subject, $body)";
        command.Parameters.AddWithValue("$eventId", change.EventId);
        command.Parameters.AddWithValue("$at", Time(change.At));
        command.Parameters.AddWithValue("$subject", change.Subject);
        command.Parameters.AddWithValue("$body", change.Body.ToJsonString(DomainJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AuditPage> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        await GuardAsync(new DocumentKey("audit", "*"), async () =>
        {
            await using var connection = await OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT seq, at, by_user, kind, id, version, action, details FROM audit
                WHERE ($cursor IS NULL OR seq < $cursor) AND ($id IS NULL OR id = $id) AND ($by IS NULL OR by_user = $by)
                  AND ($action IS NULL OR action = $action) AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to)
                ORDER BY seq DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$cursor", long.TryParse(query.Cursor, CultureInfo.InvariantCulture, out var cursor) ? cursor : DBNull.Value);
            command.Parameters.AddWithValue("$id", (object?)query.Id ?? DBNull.Value);
            command.Parameters.AddWithValue("$by", (object?)query.By ?? DBNull.Value);
            command.Parameters.AddWithValue("$action", (object?)query.Action ?? DBNull.Value);
            command.Parameters.AddWithValue("$from", query.From is { } from ? Time(from) : DBNull.Value);
            command.Parameters.AddWithValue("$to", query.To is { } to ? Time(to) : DBNull.Value);
            command.Parameters.AddWithValue("$limit", query.Limit + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var items = new List<StoredAudit>();
            while (await reader.ReadAsync(cancellationToken))
                items.Add(new StoredAudit(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), new AuditRecord(
                    ParseTime(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetString(6),
                    reader.IsDBNull(7) ? null : JsonNode.Parse(reader.GetString(7))!.AsObject())));
            return items.Count > query.Limit
                ? new AuditPage(items[..query.Limit], items[query.Limit - 1].Seq)
                : new AuditPage(items, null);
        });

    public async Task<IReadOnlyList<OutboxEvent>> ListOutboxAsync(int limit, CancellationToken cancellationToken = default) =>
        await GuardAsync(new DocumentKey("outbox", "*"), async () =>
        {
            await using var connection = await OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT event_id, at, subject, body FROM outbox ORDER BY seq LIMIT $limit";
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var events = new List<OutboxEvent>();
            while (await reader.ReadAsync(cancellationToken))
                events.Add(new OutboxEvent(reader.GetString(0), ParseTime(reader.GetString(1)), reader.GetString(2), JsonNode.Parse(reader.GetString(3))!.AsObject()));
            return (IReadOnlyList<OutboxEvent>)events;
        });

    public async Task RemoveOutboxAsync(OutboxEvent delivered, CancellationToken cancellationToken = default) =>
        await GuardAsync(new DocumentKey("outbox", delivered.EventId), async () =>
        {
            await EnsureInitializedAsync();
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var command = _writer!.CreateCommand();
                command.CommandText = "DELETE FROM outbox WHERE event_id = $eventId";
                command.Parameters.AddWithValue("$eventId", delivered.EventId);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }
        });

    public async IAsyncEnumerable<StoredDocument> ListAsync(string kind, IReadOnlyList<string>? fields = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        SqliteConnection connection;
        try
        {
            connection = await OpenReaderAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw Unavailable(new DocumentKey(kind, "*"), exception);
        }
        await using var _ = connection;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, version, {Projection(command, fields)} FROM documents WHERE kind = $kind ORDER BY id";
        command.Parameters.AddWithValue("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return Document(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public async Task<IReadOnlyList<RevisionHeader>> ListRevisionsAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
        await GuardAsync(key, async () =>
        {
            await using var connection = await OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, at, by_user, action, details FROM document_revisions WHERE kind = $kind AND id = $id ORDER BY version DESC";
            AddKey(command, key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var revisions = new List<RevisionHeader>();
            while (await reader.ReadAsync(cancellationToken))
                revisions.Add(new RevisionHeader(reader.GetInt64(0), ParseTime(reader.GetString(1)), reader.GetString(2), reader.GetString(3))
                {
                    Details = Details(reader, 4),
                });
            return (IReadOnlyList<RevisionHeader>)revisions;
        });

    public async Task<StoredRevision?> ReadRevisionAsync(DocumentKey key, long version, CancellationToken cancellationToken = default) =>
        await GuardAsync(key, async () =>
        {
            await using var connection = await OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT at, by_user, action, document, details FROM document_revisions WHERE kind = $kind AND id = $id AND version = $version";
            AddKey(command, key);
            command.Parameters.AddWithValue("$version", version);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            return new StoredRevision(version, ParseTime(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                JsonNode.Parse(reader.GetString(3))!.AsObject()) { Details = Details(reader, 4) };
        });

    /// <summary>The body, or a JSON object of just <paramref name="fields"/> built by SQLite (null stays null: a tombstone).</summary>
    private static string Projection(SqliteCommand command, IReadOnlyList<string>? fields)
    {
        if (fields is null) return "body";
        var pairs = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            command.Parameters.AddWithValue($"$field{i}", fields[i]);
            command.Parameters.AddWithValue($"$path{i}", "$." + PathStep(fields[i]));
            pairs.Add($"$field{i}, json(body -> $path{i})");
        }
        return $"CASE WHEN body IS NULL THEN NULL ELSE json_object({string.Join(", ", pairs)}) END";
    }

    /// <summary>Field names come from code, and only plain names are taken, so none can read as path syntax.</summary>
    private static string PathStep(string field) => field.Length > 0 && field.All(char.IsAsciiLetterOrDigit)
        ? field
        : throw new ArgumentException($"'{field}' is not a plain field name.", nameof(field));

    /// <summary>The kinds stored here, for copying everything elsewhere.</summary>
    public async Task<IReadOnlyList<string>> KindsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT kind FROM documents ORDER BY kind";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var kinds = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            kinds.Add(reader.GetString(0));
        return kinds;
    }

    public async Task<string> ProbeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents";
        await command.ExecuteScalarAsync(cancellationToken);
        return $"SQLite at {_options.DatabasePath}";
    }

    /// <summary>A pooled connection for reads, which WAL lets run beside the writer.</summary>
    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync();
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static StoredDocument Document(string id, long version, string? body)
    {
        var document = body is null ? null : JsonNode.Parse(body)!.AsObject();
        if (document is not null)
        {
            document["id"] = id;
            document["version"] = version;
        }
        return new StoredDocument(id, version, document);
    }

    /// <summary>A file that cannot be read or written (disk full, I/O error, locked) is storage being unavailable.</summary>
    private static async Task<T> GuardAsync<T>(DocumentKey key, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (SqliteException exception)
        {
            throw Unavailable(key, exception);
        }
    }

    private static StorageUnavailableException Unavailable(DocumentKey key, SqliteException exception) =>
        new($"SQLite could not serve {key}: {exception.Message}", exception);

    private static void AddKey(SqliteCommand command, DocumentKey key)
    {
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
    }

    private static JsonObject? Details(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : JsonNode.Parse(reader.GetString(column))!.AsObject();

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>UTC with a fixed width, so times compare as text (the audit's from/to filters).</summary>
    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.DisposeAsync();
        _writeGate.Dispose();
    }
}
