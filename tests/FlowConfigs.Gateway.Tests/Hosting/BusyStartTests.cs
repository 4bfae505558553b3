using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FlowConfigs.Gateway.Tests.Hosting;

/// <summary>
/// A start on a machine too busy to answer grain calls in time waits and tries again: seeding the sample data is no
/// reason to stop the process.
/// </summary>
public sealed class BusyStartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-busy-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Seeding_outlasts_writes_that_time_out_and_finishes_once_storage_answers()
    {
        // A first start writes the schema and nothing else.
        await using (await GatewayProcess.StartAsync(_dataDirectory, settings: new Dictionary<string, string> { ["FlowConfigs__SampleData__Enabled"] = "false" }))
        {
        }

        // Another process holds SQLite's one write lock: reads go on (WAL), writes wait, so the seed's first write
        // outlives the 1.5 s grain call timeout.
        await using var holder = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_dataDirectory, "flowconfigs.db"), Pooling = false,
        }.ToString());
        await holder.OpenAsync();
        await ExecuteAsync(holder, "BEGIN IMMEDIATE");

        await using var gateway = GatewayProcess.Launch(_dataDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!gateway.RecentOutput.Contains("Sample data: a call timed out", StringComparison.Ordinal))
        {
            Assert.False(gateway.HasExited, "The gateway stopped while storage was busy:\n" + gateway.RecentOutput);
            Assert.True(DateTime.UtcNow < deadline, "No timed-out seed call within 90 s:\n" + gateway.RecentOutput);
            await Task.Delay(100);
        }
        await ExecuteAsync(holder, "ROLLBACK");

        await gateway.WaitUntilReadyAsync();
        using var admin = gateway.PublicClient(await gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        using var austin = await admin.GetAsync(Documents.Path("branch-office-austin"));
        Assert.Equal(HttpStatusCode.OK, austin.StatusCode);
        var settings = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        Assert.True(settings["version"]!.GetValue<long>() > 0, settings.ToJsonString());
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
