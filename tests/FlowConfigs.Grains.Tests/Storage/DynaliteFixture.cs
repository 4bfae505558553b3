using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using FlowConfigs.Grains.Storage.DynamoDb;

namespace FlowConfigs.Grains.Tests.Storage;

/// <summary>
/// dynalite (npm, installed by test.sh under tests/tools) on a loopback port, in memory: a real DynamoDB wire
/// protocol server for the provider's tests.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private Process? _process;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>When set, dynalite keeps its data in this directory, so a restart finds what was written before.</summary>
    public string? DataPath { get; init; }

    private int _port;

    public async Task InitializeAsync()
    {
        _port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{_port}";
        // Credentials must exist for signing; dynalite accepts any.
        UseTestCredentials();
        await StartAsync();
    }

    /// <summary>Starts dynalite again on the same port (after <see cref="DisposeAsync"/> killed it): storage coming back.</summary>
    public async Task StartAsync()
    {
        var cli = Path.Combine(RepositoryRoot(), "tests", "tools", "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli)) throw new FileNotFoundException("dynalite is not installed; ./test.sh runs npm ci in tests/tools.", cli);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "--port", _port.ToString(), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0" })
            start.ArgumentList.Add(argument);
        if (DataPath is not null)
        {
            start.ArgumentList.Add("--path");
            start.ArgumentList.Add(DataPath);
        }
        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPortAsync(_port, "dynalite");
    }

    public const string AccessKey = "test";
    public const string SecretKey = "flowconfigs-test-secret";

    /// <summary>
    /// The AWS credentials every in-process test signs with, through the standard chain (environment variables).
    /// One value for the whole test run: test classes run in parallel and share the process environment.
    /// </summary>
    public static void UseTestCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
    }

    /// <summary>Waits until a server started by a test accepts connections on a loopback port.</summary>
    public static async Task WaitForPortAsync(int port, string what)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"{what} did not start.");
    }

    public DynamoDbStorageOptions Options(string tablePrefix, int keepRevisions = 0) => new()
    {
        ServiceUrl = ServiceUrl,
        Region = "us-east-1",
        TableName = tablePrefix + "-configs",
        RevisionsTableName = tablePrefix + "-revisions",
        KeepRevisions = keepRevisions,
        CreateTables = true,
        RevisionLease = TimeSpan.FromSeconds(30),
    };

    public IAmazonDynamoDB Client(DynamoDbStorageOptions options) => DynamoDbStorageHosting.CreateClient(options);

    public Task DisposeAsync()
    {
        // Idempotent: a test may stop dynalite itself (a storage outage) before the fixture's own cleanup.
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        _process = null;
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowConfigs.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("FlowConfigs.sln not found above " + AppContext.BaseDirectory);
    }
}
