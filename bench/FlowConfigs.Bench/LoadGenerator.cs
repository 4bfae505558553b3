using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FlowConfigs.Bench;

internal sealed record LoadRun(string Name, double RequestsPerSecond, double P50Ms, double P99Ms);

/// <summary>Drives load with wrk (a separate process, so the server's figures do not include the client's work).</summary>
internal sealed partial class LoadGenerator(BenchOptions options)
{
    /// <summary>Three seconds of load, thrown away, so JIT tiering and pools are settled before anything is measured.</summary>
    public Task WarmAsync(string name, string url, string[]? ids, string? postBody) => RunAsync(name + " (warm-up)", url, ids, postBody, seconds: 3);

    /// <summary>
    /// Each target loaded in two rounds of opposite order, keeping its better run: a noisy neighbour on a shared
    /// machine then cannot favour whichever target happened to run during a quiet moment.
    /// </summary>
    public async Task<Dictionary<string, LoadRun>> BestOfTwoRoundsAsync(IReadOnlyList<(string Name, string Url, string[] Ids)> targets)
    {
        var best = new Dictionary<string, LoadRun>();
        foreach (var round in new[] { targets, targets.Reverse().ToArray() })
            foreach (var (name, url, ids) in round)
            {
                var run = await RunAsync(name, url, ids, null);
                if (!best.TryGetValue(name, out var known) || run.RequestsPerSecond > known.RequestsPerSecond) best[name] = run;
            }
        return best;
    }

    /// <param name="url">Base URL; with <paramref name="ids"/>, each request appends the next id (round robin).</param>
    /// <param name="postBody">When set, every request is a POST of this JSON.</param>
    public Task<LoadRun> RunAsync(string name, string url, string[]? ids, string? postBody) => RunAsync(name, url, ids, postBody, options.Seconds);

    /// <summary>
    /// About <paramref name="requestsPerSecond"/>: each connection waits a whole number of milliseconds between its
    /// requests (wrk's <c>delay</c>), with as many connections as that takes. Latency then is what a caller sees
    /// below saturation. Slightly under the asked rate, as each request's own latency adds to its connection's wait.
    /// </summary>
    public Task<LoadRun> RunPacedAsync(string name, string url, string[]? ids, double requestsPerSecond)
    {
        var delayMs = Math.Max(1, (int)Math.Round(options.Connections * 1000 / requestsPerSecond));
        var connections = Math.Max(1, (int)Math.Round(requestsPerSecond * delayMs / 1000));
        return RunAsync(name, url, ids, null, options.Seconds, (connections, delayMs));
    }

    private async Task<LoadRun> RunAsync(string name, string url, string[]? ids, string? postBody, int seconds, (int Connections, int DelayMs)? pace = null)
    {
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, LuaScript(url, ids, postBody) + (pace is { } p ? $"delay = function() return {p.DelayMs} end\n" : ""));
        try
        {
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            var connections = pace?.Connections ?? options.Connections;
            foreach (var arg in new[] { "-t", options.Threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                         "-d", $"{seconds}s", "--latency", "-s", script, url })
                start.ArgumentList.Add(arg);
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            if (wrk.ExitCode != 0 || NonSuccess().IsMatch(output))
                throw new InvalidOperationException($"{name}: wrk failed or saw errors:\n{output}\n{await wrk.StandardError.ReadToEndAsync()}");
            Console.WriteLine($"{name}: {RequestsPerSecond().Match(output).Value}");
            return new LoadRun(name,
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Latency(output, "50%"), Latency(output, "99%"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string LuaScript(string url, string[]? ids, string? postBody)
    {
        var path = new Uri(url).PathAndQuery;
        var lines = new List<string>();
        if (postBody is not null)
        {
            lines.Add("wrk.method = \"POST\"");
            lines.Add("wrk.headers[\"Content-Type\"] = \"application/json\"");
            lines.Add($"wrk.body = [==[{postBody}]==]");
        }
        if (ids is not null)
        {
            lines.Add("local ids = {" + string.Join(",", ids.Select(id => $"\"{Uri.EscapeDataString(id)}\"")) + "}");
            lines.Add("local n = 0");
            lines.Add($"request = function() n = n % #ids + 1; return wrk.format(nil, \"{path}\" .. ids[n]) end");
        }
        return string.Join('\n', lines) + '\n';
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses")]
    private static partial Regex NonSuccess();
}
