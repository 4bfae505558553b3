using System.Collections.Concurrent;
using System.Diagnostics;

namespace FlowConfigs.GetConfig.Tests;

/// <summary>
/// The GetConfig function as Lambda runs it: the Native AOT <c>bootstrap</c> executable (published once per test
/// run, exactly as the deployment package is built), started with AWS_LAMBDA_RUNTIME_API pointing at the emulator.
/// </summary>
public sealed class LambdaProcess : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    public RuntimeApiEmulator Runtime { get; }

    /// <summary>Process start to the first <c>/invocation/next</c>.</summary>
    public TimeSpan InitTime { get; private set; }

    private LambdaProcess(Process process, RuntimeApiEmulator runtime, ConcurrentQueue<string> output)
    {
        _process = process;
        Runtime = runtime;
        _output = output;
    }

    public string Output => string.Join('\n', _output);

    /// <summary>Waits briefly for a line: the function logs before it answers, but its stdout reaches us on its own pipe.</summary>
    public async Task<string> OutputContainingAsync(string text)
    {
        for (var i = 0; i < 100 && !Output.Contains(text); i++)
            await Task.Delay(50);
        return Output;
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static async Task<LambdaProcess> StartAsync(IReadOnlyDictionary<string, string> environment, bool waitForInit = true)
    {
        var bootstrap = await Published.Value;
        var runtime = new RuntimeApiEmulator();
        await runtime.StartAsync();
        var start = new ProcessStartInfo(bootstrap) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtime.HostAndPort;
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var output = new ConcurrentQueue<string>();
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var lambda = new LambdaProcess(process, runtime, output);
        if (waitForInit)
            lambda.InitTime = Stopwatch.GetElapsedTime(started, await runtime.FirstPoll.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        return lambda;
    }

    public Task<LambdaResult> InvokeAsync(string eventJson, TimeSpan? deadline = null) => Runtime.InvokeAsync(eventJson, deadline);

    public Task WaitForExitAsync() => _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

    private static async Task<string> PublishAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "FlowConfigs.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var output = Path.Combine(Path.GetTempPath(), "flowconfigs-getconfig-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in new[] { "publish", "src/FlowConfigs.GetConfig", "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo" })
            start.ArgumentList.Add(argument);
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        var bootstrap = Path.Combine(output, "bootstrap");
        if (publish.ExitCode != 0 || !File.Exists(bootstrap))
            throw new InvalidOperationException($"Native AOT publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        return bootstrap;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
        await Runtime.DisposeAsync();
    }
}
