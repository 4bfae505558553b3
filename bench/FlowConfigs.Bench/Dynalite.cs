using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FlowConfigs.Grains.Storage.DynamoDb;

namespace FlowConfigs.Bench;

/// <summary>dynalite (tests/tools, npm) on loopback: DynamoDB's wire protocol, for the DynamoDB storage figures.</summary>
internal sealed class Dynalite : IAsyncDisposable
{
    private readonly Process _process;

    public DynamoDbStorageOptions Options { get; }

    private Dynalite(Process process, DynamoDbStorageOptions options)
    {
        _process = process;
        Options = options;
    }

    public static async Task<Dynalite> StartAsync()
    {
        var cli = Path.Combine(GatewayUnderTest.RepositoryRoot(), "tests", "tools", "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli)) throw new FileNotFoundException("Run npm ci in tests/tools first (bench/run.sh does).", cli);
        var port = GatewayUnderTest.FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "--port", port.ToString(), "--createTableMs", "0" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "bench");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "bench");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
        return new Dynalite(process, new DynamoDbStorageOptions
        {
            ServiceUrl = $"http://127.0.0.1:{port}",
            Region = "us-east-1",
            TableName = "BenchConfigs",
            RevisionsTableName = "BenchRevisions",
            CreateTables = true,
        });
    }

    /// <summary>The gateway's settings for the same tables.</summary>
    public Dictionary<string, string> GatewaySettings() => new()
    {
        ["FlowConfigs__Storage__Provider"] = "DynamoDB",
        ["FlowConfigs__Storage__DynamoDB__ServiceUrl"] = Options.ServiceUrl!,
        ["FlowConfigs__Storage__DynamoDB__Region"] = Options.Region!,
        ["FlowConfigs__Storage__DynamoDB__TableName"] = Options.TableName,
        ["FlowConfigs__Storage__DynamoDB__RevisionsTableName"] = Options.RevisionsTableName,
        ["FlowConfigs__Storage__DynamoDB__CreateTables"] = "true",
        ["AWS_ACCESS_KEY_ID"] = "bench",
        ["AWS_SECRET_ACCESS_KEY"] = "bench",
    };

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
