using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>The store contract on a real SQLite file in a temporary directory, plus what is SQLite's own.</summary>
public sealed class SqliteDocumentStoreTests : UsageStorageContract, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flowconfigs-storage-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDocumentStore> _opened = [];

    protected override IDocumentStore Open(int keepRevisions = 0) => OpenSqlite(keepRevisions);

    private SqliteDocumentStore OpenSqlite(int keepRevisions = 0)
    {
        var store = new SqliteDocumentStore(Options.Create(new SqliteStorageOptions { DataDirectory = _directory, KeepRevisions = keepRevisions }),
            NullLogger<SqliteDocumentStore>.Instance);
        _opened.Add(store);
        return store;
    }

    private string DatabasePath => Path.Combine(_directory, "flowconfigs.db");

    [Fact]
    public async Task Ids_never_become_file_names()
    {
        await Open().WriteAsync(Config("../../escape"), new DocumentWrite(null, Body("x")));
        Assert.Equal(["flowconfigs.db", "flowconfigs.db-shm", "flowconfigs.db-wal"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_readable_json()
    {
        await Open().WriteAsync(Config("a"), new DocumentWrite(null, Body("readable")));

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT body FROM documents WHERE kind = 'flowconfig' AND id = 'a'";
        Assert.Contains("\"description\":\"readable\"", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_file_in_the_grain_state_layout_is_moved_to_documents_once_with_its_history()
    {
        Directory.CreateDirectory(_directory);
        await using (var old = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE grain_state (grain_type TEXT NOT NULL, state_name TEXT NOT NULL, grain_key TEXT NOT NULL, etag INTEGER NOT NULL,
                    payload TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (grain_type, state_name, grain_key)) WITHOUT ROWID;
                CREATE TABLE revisions (grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, version INTEGER NOT NULL, at TEXT NOT NULL,
                    by_user TEXT NOT NULL, action TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (grain_type, grain_key, version)) WITHOUT ROWID;
                INSERT INTO grain_state VALUES ('flowconfig', 'config', 'branch', 2, '{"config":{"id":"branch","description":"kept","version":2},"version":2}', '2026-01-01T00:00:00Z');
                INSERT INTO grain_state VALUES ('flowconfig', 'config', 'gone', 3, '{"version":3}', '2026-01-01T00:00:00Z');
                INSERT INTO grain_state VALUES ('settings', 'settings', 'application-settings', 4, '{"settings":{"locales":[],"version":4}}', '2026-01-01T00:00:00Z');
                INSERT INTO revisions VALUES ('flowconfig', 'branch', 1, '2026-01-01T00:00:00.0000000+00:00', 'alice', 'save', '{"description":"first"}');
                INSERT INTO revisions VALUES ('flowconfig', 'branch', 2, '2026-01-02T00:00:00.0000000+00:00', 'bob', 'save', '{"description":"kept"}');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var store = OpenSqlite();
        var branch = await store.ReadAsync(Config("branch"));
        Assert.Equal((2L, "kept"), (branch!.Version, branch.Body!["description"]!.GetValue<string>()));
        Assert.Equal((3L, (object?)null), ((await store.ReadAsync(Config("gone")))!.Version, (object?)(await store.ReadAsync(Config("gone")))!.Body));
        Assert.Equal(4, (await store.ReadAsync(new DocumentKey("settings", "application-settings")))!.Version);
        Assert.Equal([2L, 1L], (await store.ListRevisionsAsync(Config("branch"))).Select(r => r.Version));
        Assert.Equal("first", (await store.ReadRevisionAsync(Config("branch"), 1))!.Document["description"]!.GetValue<string>());
        Assert.Equal(WriteResult.Written(3), await store.WriteAsync(Config("branch"), new DocumentWrite(2, Body("after the move"))));
        var tables = await TablesAsync();
        Assert.Contains("documents", tables);
        Assert.Contains("document_revisions", tables);
        Assert.DoesNotContain("grain_state", tables);
        Assert.DoesNotContain("revisions", tables);

        // Opening again finds nothing left to move and keeps what was written since.
        Assert.Equal("after the move", (await OpenSqlite().ReadAsync(Config("branch")))!.Body!["description"]!.GetValue<string>());
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name DESC";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
            await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
