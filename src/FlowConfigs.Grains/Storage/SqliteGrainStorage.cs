using System.Runtime.CompilerServices;
using System.Text.Json;
using FlowConfigs.Domain;
using FlowConfigs.Domain.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace FlowConfigs.Grains.Storage;

/// <summary>
/// Grain state in one SQLite file, as readable JSON. WAL with <c>synchronous=FULL</c> means a write is on disk before
/// the grain hears it succeeded, so an acknowledged save survives <c>kill -9</c> and power loss. ETags are row
/// versions; a stale one is an <see cref="InconsistentStateException"/>, which the grains turn into 412.
/// </summary>
public sealed class SqliteGrainStorage(string name, SqliteGrainStorageOptions options, ILogger<SqliteGrainStorage> logger)
    : IGrainStorage, IGrainStateCatalog, IRevisionStore, IStorageProbe, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    // SQLite has one writer at a time; one long-lived writer connection (with its pragmas) behind a gate avoids
    // busy retries, while reads use pooled connections and run side by side under WAL.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;
    private Task? _initialized;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{name}", ServiceLifecycleStage.ApplicationServices, _ => EnsureInitializedAsync());

    public Task EnsureInitializedAsync() => LazyInitializer.EnsureInitialized(ref _initialized, InitializeAsync);

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        var writer = new SqliteConnection(_connectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL,
                state_name TEXT NOT NULL,
                grain_key  TEXT NOT NULL,
                etag       INTEGER NOT NULL,
                payload    TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (grain_type, state_name, grain_key)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS revisions (
                grain_type TEXT NOT NULL,
                grain_key  TEXT NOT NULL,
                version    INTEGER NOT NULL,
                at         TEXT NOT NULL,
                by_user    TEXT NOT NULL,
                action     TEXT NOT NULL,
                document   TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, version)
            ) WITHOUT ROWID;
            """);
        _writer = writer;
        logger.LogInformation("Grain storage {Name}: SQLite at {Path}", name, options.DatabasePath);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenReaderAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND state_name = $state AND grain_key = $key";
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.State = Deserialize<T>(reader.GetString(1));
            grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State ??= Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, DomainJson.Options);
        var expected = ParseETag(grainState.ETag);
        var next = (expected ?? 0) + 1;
        var revision = (grainState.State as IRevisionedState)?.PendingRevision;
        await WriteAsync(stateName, grainId, expected, revision, command =>
        {
            command.CommandText = expected is null
                ? """
                  INSERT INTO grain_state (grain_type, state_name, grain_key, etag, payload, updated_at)
                  VALUES ($type, $state, $key, $next, $payload, $now)
                  ON CONFLICT DO NOTHING
                  """
                : """
                  UPDATE grain_state SET etag = $next, payload = $payload, updated_at = $now
                  WHERE grain_type = $type AND state_name = $state AND grain_key = $key AND etag = $expected
                  """;
            command.Parameters.AddWithValue("$next", next);
            command.Parameters.AddWithValue("$payload", payload);
        });
        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseETag(grainState.ETag);
        if (expected is not null)
        {
            await WriteAsync(stateName, grainId, expected, revision: null, command => command.CommandText =
                "DELETE FROM grain_state WHERE grain_type = $type AND state_name = $state AND grain_key = $key AND etag = $expected");
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async IAsyncEnumerable<(string GrainKey, T State)> ReadAllAsync<T>(
        string grainType, string stateName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_key, payload FROM grain_state WHERE grain_type = $type AND state_name = $state ORDER BY grain_key";
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$state", stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return (reader.GetString(0), Deserialize<T>(reader.GetString(1)));
    }

    /// <summary>
    /// Runs one conditional write, with its revision (if any) in the same transaction; zero rows changed means
    /// someone else wrote first, and then neither is kept.
    /// </summary>
    private async Task WriteAsync(string stateName, GrainId grainId, long? expected, Revision? revision, Action<SqliteCommand> prepare)
    {
        await EnsureInitializedAsync();
        await _writeGate.WaitAsync();
        try
        {
            await using var transaction = (SqliteTransaction)await _writer!.BeginTransactionAsync();
            await using var command = _writer.CreateCommand();
            command.Transaction = transaction;
            prepare(command);
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("$expected", (object?)expected ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
            if (await command.ExecuteNonQueryAsync() == 1)
            {
                if (revision is not null)
                    await AddRevisionAsync(transaction, grainId, revision);
                await transaction.CommitAsync();
                return;
            }
            await transaction.RollbackAsync();
        }
        finally
        {
            _writeGate.Release();
        }
        var stored = await StoredETagAsync(stateName, grainId);
        throw new InconsistentStateException(
            $"Storage {name}: {grainId}/{stateName} is at version {stored ?? "(none)"}, the write expected {expected?.ToString() ?? "(none)"}.",
            stored, expected?.ToString());
    }

    private async Task AddRevisionAsync(SqliteTransaction transaction, GrainId grainId, Revision revision)
    {
        await using var command = _writer!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO revisions (grain_type, grain_key, version, at, by_user, action, document)
            VALUES ($type, $key, $version, $at, $by, $action, $document);
            DELETE FROM revisions WHERE $keep > 0 AND grain_type = $type AND grain_key = $key AND version <= $version - $keep;
            """;
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$key", grainId.Key.ToString());
        command.Parameters.AddWithValue("$version", revision.Version);
        command.Parameters.AddWithValue("$at", revision.At.ToString("O"));
        command.Parameters.AddWithValue("$by", revision.By);
        command.Parameters.AddWithValue("$action", JsonNamingPolicy.CamelCase.ConvertName(revision.Action.ToString()));
        command.Parameters.AddWithValue("$document", JsonSerializer.Serialize(revision.Document, DomainJson.Options));
        command.Parameters.AddWithValue("$keep", options.KeepRevisions);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<RevisionSummary>> ListAsync(string grainType, string grainKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, at, by_user, action FROM revisions WHERE grain_type = $type AND grain_key = $key ORDER BY version DESC";
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var revisions = new List<RevisionSummary>();
        while (await reader.ReadAsync(cancellationToken))
            revisions.Add(new RevisionSummary(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), Enum.Parse<RevisionAction>(reader.GetString(3), ignoreCase: true)));
        return revisions;
    }

    public async Task<Revision?> GetAsync(string grainType, string grainKey, long version, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, by_user, action, document FROM revisions WHERE grain_type = $type AND grain_key = $key AND version = $version";
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        command.Parameters.AddWithValue("$version", version);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new Revision(version, DateTimeOffset.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1),
            Enum.Parse<RevisionAction>(reader.GetString(2), ignoreCase: true),
            JsonSerializer.Deserialize<FlowConfig>(reader.GetString(3), DomainJson.Options)!);
    }

    private async Task<string?> StoredETagAsync(string stateName, GrainId grainId)
    {
        await using var connection = await OpenReaderAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag FROM grain_state WHERE grain_type = $type AND state_name = $state AND grain_key = $key";
        AddKey(command, stateName, grainId);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    public async Task<string> ProbeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM grain_state";
        await command.ExecuteScalarAsync(cancellationToken);
        return $"SQLite at {options.DatabasePath}";
    }

    /// <summary>A pooled connection for reads, which WAL lets run beside the writer.</summary>
    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$key", grainId.Key.ToString());
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"'{etag}' is not an ETag this storage wrote.", null, etag);

    private static T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, DomainJson.Options) ?? Activator.CreateInstance<T>();

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
