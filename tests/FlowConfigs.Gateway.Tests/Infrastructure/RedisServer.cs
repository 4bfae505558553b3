using System.Diagnostics;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// Debian's redis-server (installed by test.sh) on a loopback port, without persistence: the cluster's membership table.
/// A fault test may kill it and start it again on the same port, which brings it back empty, as a failed-over or
/// flushed ElastiCache node would.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("redis-server is not running.");

    public async Task InitializeAsync()
    {
        Port = GatewayProcess.FreePort();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(argument);
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("redis-server is not installed; ./test.sh installs it with apt.", exception);
        }
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await DynaliteFixture.WaitForPortAsync(Port, "redis-server");
    }

    /// <summary>SIGKILL by its pid: every client's connection drops at once and nothing answers on the port.</summary>
    public void KillHard()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill();
        process.WaitForExit();
        process.Dispose();
        _process = null;
    }

    /// <summary>A new redis-server on the same port, holding nothing (no persistence): the membership table is gone.</summary>
    public Task RestartEmptyAsync()
    {
        KillHard();
        return StartAsync();
    }

    public Task DisposeAsync()
    {
        KillHard();
        return Task.CompletedTask;
    }
}
