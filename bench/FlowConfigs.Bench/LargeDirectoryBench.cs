using System.Diagnostics;
using System.Text.Json.Nodes;
using FlowConfigs.Domain;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Bench;

/// <summary>
/// The list at scale (--directory N, 100,000 by default): N configs written straight into a SQLite file (100,000
/// HTTP saves would take the run's whole budget), then a gateway started on it: start-up to ready, the first list
/// page cold and warm, a page deep in the list, and the gateway's resident memory.
/// </summary>
internal static class LargeDirectoryBench
{
    public static async Task RunAsync(int configs)
    {
        var report = new Report();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-bench-directory-" + Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();
        await SeedAsync(dataDirectory, configs);
        report.Add("seed", $"write {configs:N0} configs into SQLite (one transaction)", clock.Elapsed.TotalMilliseconds, "ms");

        await using var gateway = await GatewayUnderTest.StartAsync(report, $"gateway on SQLite with {configs:N0} configs", dataDirectory: dataDirectory);
        report.Add("memory", "gateway resident memory at ready", gateway.ResidentMegabytes(), "MB");
        await gateway.MeasureListAsync(report, $"{configs:N0} configs", requests: 200);
        report.Add("memory", "gateway resident memory after listing", gateway.ResidentMegabytes(), "MB");
        report.Print();
    }

    /// <summary>Rows in the store's own table layout (the store creates it), all in one transaction.</summary>
    private static async Task SeedAsync(string dataDirectory, int configs)
    {
        var options = new SqliteStorageOptions { DataDirectory = dataDirectory };
        await using (var store = new SqliteDocumentStore(Options.Create(options), NullLogger<SqliteDocumentStore>.Instance))
            await store.EnsureInitializedAsync();

        await using var connection = new SqliteConnection($"Data Source={options.DatabasePath}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO documents (kind, id, version, body, updated_at) VALUES ($kind, $id, 1, $body, $at)";
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var now = DateTimeOffset.UtcNow.ToString("O");
        kind.Value = FlowConfigGrain.Kind;
        at.Value = now;
        for (var i = 0; i < configs; i++)
        {
            var document = SyntheticConfigs.Config(i);
            document["version"] = 1;
            document["updatedAt"] = now;
            document["updatedBy"] = "bench-seed";
            id.Value = SyntheticConfigs.Id(i);
            body.Value = document.ToJsonString(DomainJson.Options);
            await insert.ExecuteNonQueryAsync();
        }
        // Settings present, so the sample-data seeder leaves this storage alone, as it would a real deployment's.
        kind.Value = "settings";
        id.Value = "application-settings";
        body.Value = new JsonObject { ["locales"] = new JsonArray(new JsonObject { ["code"] = "en-US", ["name"] = "English (US)" }), ["version"] = 1 }.ToJsonString();
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
