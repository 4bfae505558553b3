using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway as its own operating-system process (built output, <c>dotnet FlowConfigs.Gateway.dll</c>), for tests
/// that must kill it the hard way.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    public int PublicPort { get; }
    public int InternalPort { get; }
    public int SiloPort { get; }

    private GatewayProcess(Process process, int publicPort, int internalPort, int siloPort)
    {
        _process = process;
        PublicPort = publicPort;
        InternalPort = internalPort;
        SiloPort = siloPort;
    }

    /// <summary>One gateway's storage on a DynamoDB endpoint (dynalite), tables created at start.</summary>
    public static Dictionary<string, string> DynamoDbSettings(string serviceUrl) => new()
    {
        ["FlowConfigs__Storage__Provider"] = "DynamoDB",
        ["FlowConfigs__Storage__DynamoDB__ServiceUrl"] = serviceUrl,
        ["FlowConfigs__Storage__DynamoDB__Region"] = "us-east-1",
        ["FlowConfigs__Storage__DynamoDB__CreateTables"] = "true",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    /// <param name="samePortsAs">A killed gateway to stand in for: same public port, hence the same token issuer.</param>
    /// <param name="settings">Extra configuration as environment variables (FlowConfigs__Storage__Provider, ...); an empty value removes the variable.</param>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, GatewayProcess? samePortsAs = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var gateway = Launch(dataDirectory, samePortsAs, settings);
        await gateway.WaitUntilReadyAsync();
        return gateway;
    }

    /// <summary>Starts the process and returns at once, for a test that acts while it starts up; see <see cref="WaitUntilReadyAsync"/>.</summary>
    public static GatewayProcess Launch(string dataDirectory, GatewayProcess? samePortsAs = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(GatewayOutputDirectory(), "FlowConfigs.Gateway.dll");
        int publicPort = samePortsAs?.PublicPort ?? FreePort(), internalPort = samePortsAs?.InternalPort ?? FreePort();
        int siloPort = FreePort(), gatewayPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["FlowConfigs__Ports__Public"] = publicPort.ToString(),
                ["FlowConfigs__Ports__Internal"] = internalPort.ToString(),
                ["FlowConfigs__Cluster__SiloPort"] = siloPort.ToString(),
                ["FlowConfigs__Cluster__GatewayPort"] = gatewayPort.ToString(),
                ["FlowConfigs__Storage__DataDirectory"] = dataDirectory,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        Apply(start, settings ?? new Dictionary<string, string>());
        start.ArgumentList.Add(dll);
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var errorLinesToKeep = 0;
        void Keep(string? line)
        {
            if (line is null) return;
            output.Enqueue(line);
            while (output.Count > 200) output.TryDequeue(out _);
            // Error entries are kept apart (head and first lines of the message), however much else is logged.
            lock (errors)
            {
                if (line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
                {
                    errors.Enqueue(line);
                    errorLinesToKeep = 3;
                }
                else if (errorLinesToKeep > 0 && line.StartsWith(' '))
                {
                    errors.Enqueue(line);
                    errorLinesToKeep--;
                }
                else
                {
                    errorLinesToKeep = 0;
                }
            }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        return new GatewayProcess(process, publicPort, internalPort, siloPort) { _output = output, _errors = errors };
    }

    /// <summary>Runs the gateway binary as a one-shot command (e.g. <c>migrate-to-dynamodb</c>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string command, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(GatewayOutputDirectory(), "FlowConfigs.Gateway.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["FlowConfigs__Storage__DataDirectory"] = dataDirectory },
        };
        Apply(start, settings);
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            if (value.Length == 0) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every error or critical log entry so far (its head line and the first lines of its message).</summary>
    public IReadOnlyList<string> ErrorLines => [.. _errors];

    /// <summary>Resident memory (VmRSS) of the process now, in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public HttpClient InternalClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{InternalPort}") };

    public HttpClient PublicClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{PublicPort}") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string username, string[] groups)
    {
        using var client = PublicClient();
        var response = await client.PostAsJsonAsync("/api/dev/token", new { username, groups });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; only what storage acknowledged survives.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>
    /// SIGTERM, what ECS sends when it stops a task. Returns how long the process took to exit, or null when it was still
    /// running after <paramref name="patience"/> (it is then left running for the caller to kill).
    /// </summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        if (SendSignal(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with errno {Marshal.GetLastPInvokeError()}.");
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return clock.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string RecentOutput => string.Join('\n', _output);

    /// <summary>Until <c>/health/ready</c> answers 200; throws with the last output if the process exits first.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = PublicClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // The parameterless wait also drains the redirected output, which may still hold the error itself.
                _process.WaitForExit();
                throw new InvalidOperationException(
                    $"The gateway exited with {_process.ExitCode} before it was ready. Its last output:\n{string.Join('\n', _output)}");
            }
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The gateway was not ready within 90 s.");
    }

    /// <summary>src/FlowConfigs.Gateway/bin/&lt;configuration&gt;/net10.0, found from this test assembly's own output path.</summary>
    private static string GatewayOutputDirectory()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        return Path.Combine(RepositoryRoot(), "src", "FlowConfigs.Gateway", "bin", configuration, framework);
    }

    /// <summary>The clone the tests run from (where FlowConfigs.sln is).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowConfigs.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("FlowConfigs.sln not found above " + AppContext.BaseDirectory);
    }

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port no other test of this run was given, below Linux's ephemeral range (32768+) so that no outgoing
    /// connection can take it between this check and the server's bind.
    /// </summary>
    internal static int FreePort()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Random.Shared.Next(20_000, 32_000);
                if (!HandedOut.Add(port)) continue;
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException)
                {
                }
            }
        }
    }

    /// <summary>Idempotent: a test may dispose a gateway it started through a <see cref="GatewayCluster"/> that disposes it too.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!_process.HasExited)
            KillHard();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private int _disposed;
}
