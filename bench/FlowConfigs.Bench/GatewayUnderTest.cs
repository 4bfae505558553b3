using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace FlowConfigs.Bench;

/// <summary>The real gateway, started from its Release build as its own process on a fresh data directory.</summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _public;
    private readonly HttpClient _internal;

    public string DataDirectory { get; }
    public string InternalUrl { get; }

    private GatewayUnderTest(Process process, string dataDirectory, int publicPort, int internalPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        InternalUrl = $"http://127.0.0.1:{internalPort}";
        _public = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}"), Timeout = TimeSpan.FromMinutes(5) };
        _internal = new HttpClient { BaseAddress = new Uri(InternalUrl) };
    }

    /// <param name="dataDirectory">Storage already filled (the gateway is not the one that seeds it); a fresh one when null.</param>
    public static async Task<GatewayUnderTest> StartAsync(Report report, string label, IReadOnlyDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "FlowConfigs.Gateway", "bin", "Release", "net10.0", "FlowConfigs.Gateway.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the solution in Release first (bench/run.sh does).", dll);
        var prefilled = dataDirectory is not null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "flowconfigs-bench-" + Guid.NewGuid().ToString("N"));
        int publicPort = FreePort(), internalPort = FreePort();

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["FlowConfigs__Ports__Public"] = publicPort.ToString();
        start.Environment["FlowConfigs__Ports__Internal"] = internalPort.ToString();
        start.Environment["FlowConfigs__Cluster__SiloPort"] = FreePort().ToString();
        start.Environment["FlowConfigs__Cluster__GatewayPort"] = FreePort().ToString();
        start.Environment["FlowConfigs__Storage__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("gateway: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var gateway = new GatewayUnderTest(process, dataDirectory, publicPort, internalPort);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("The gateway exited during start-up.");
            try
            {
                if ((await gateway._internal.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            await Task.Delay(20);
        }
        report.Add("start-up", $"{label}: process start to /health/ready ({(prefilled ? "storage as seeded" : "empty storage, sample data seeded")})",
            clock.Elapsed.TotalMilliseconds, "ms");
        return gateway;
    }

    /// <param name="config">The i-th config to import; <see cref="SyntheticConfigs.Config"/> when null.</param>
    public async Task SeedAsync(int count, Report report, Func<int, JsonObject>? config = null, string what = "configs")
    {
        config ??= SyntheticConfigs.Config;
        _public.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(new { username = "bench-admin", groups = new[] { "FlowConfigAdmin" } }));
        var clock = Stopwatch.StartNew();
        for (var first = 0; first < count; first += 1000)
        {
            var batch = new JsonArray(Enumerable.Range(first, Math.Min(1000, count - first)).Select(i => (JsonNode)config(i)).ToArray());
            var response = await _public.PostAsync("/api/flow-config/import", new StringContent(batch.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            if (!response.IsSuccessStatusCode || results.Any(r => r!["status"]!.GetValue<string>() != "created"))
                throw new InvalidOperationException("Import failed: " + results.First(r => r!["status"]!.GetValue<string>() != "created"));
        }
        report.Add("seed", $"import {count:N0} {what} (batches of 1,000)", clock.Elapsed.TotalMilliseconds, "ms");
    }

    /// <summary>Resolves every config once so each has a live activation with its map cached.</summary>
    /// <param name="id">The i-th config's id; <see cref="SyntheticConfigs.Id"/> when null.</param>
    public async Task WarmAsync(int count, Report report, Func<int, string>? id = null, string what = "configs")
    {
        id ??= SyntheticConfigs.Id;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await _internal.GetAsync("/internal/config/" + Uri.EscapeDataString(id(i)), ct);
            response.EnsureSuccessStatusCode();
        });
        report.Add("warm", $"first GetConfig of {count:N0} {what} (activation + resolve)", clock.Elapsed.TotalMilliseconds, "ms");
    }

    /// <summary>
    /// Floods of GetConfig for ids nobody stored (a typo in a flow, or someone probing the internal port). Resident
    /// memory rarely shrinks once the GC has grown the heap, so the telling figure is the second flood's growth, after
    /// the first flood's short-lived activations have gone: near zero when they are really freed, as large as the
    /// first when every unknown id keeps an activation.
    /// </summary>
    public async Task MeasureUnknownIdsAsync(Report report, int count, TimeSpan settle)
    {
        var before = ResidentMegabytes();
        foreach (var flood in new[] { "first", "second" })
        {
            var start = ResidentMegabytes();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                using var response = await _internal.GetAsync($"/internal/config/unknown-{flood}-{i}", ct);
                if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
                    throw new InvalidOperationException($"An unknown id answered {(int)response.StatusCode}.");
            });
            report.Add("unknown ids", $"{flood} flood of {count:N0} unknown ids (404s)", clock.Elapsed.TotalMilliseconds, "ms");
            report.Add("unknown ids", $"resident memory growth during the {flood} flood", ResidentMegabytes() - start, "MB");
            await Task.Delay(settle);
        }
        report.Add("unknown ids", $"resident memory growth over both floods, {settle.TotalSeconds:0} s after the second", ResidentMegabytes() - before, "MB");
    }

    /// <summary>SIGKILL: the task is gone at once, as when ECS kills it, it runs out of memory or its host fails.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public double ResidentMegabytes()
    {
        GC.KeepAlive(_process);
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    /// <summary>
    /// List latency as the web app sees it: the first page (the server's default 100) for a tag-scoped user (1 team
    /// of 100) and an admin (everything), then the admin's page from a cursor in the middle of the list. The first
    /// request of all also loads the directory, so it is reported on its own.
    /// </summary>
    public async Task MeasureListAsync(Report report, string? scale = null, int requests = 60)
    {
        var scoped = await TokenAsync(new { username = "bench-team", groups = Array.Empty<string>(), tags = new Dictionary<string, string> { ["FlowConfigEdit"] = "team-042/*" } });
        var admin = _public.DefaultRequestHeaders.Authorization?.Parameter
            ?? await TokenAsync(new { username = "bench-admin", groups = new[] { "FlowConfigAdmin" } });
        var suffix = scale is null ? "" : $", {scale}";

        // Until the directory has loaded, a list answers 503 (the grain call's bounded wait): count those and the time to the first page.
        var coldClock = Stopwatch.StartNew();
        var unavailable = 0;
        double firstAnswer = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/flow-config");
            request.Headers.Authorization = new("Bearer", admin);
            var attempt = Stopwatch.StartNew();
            using var response = await _public.SendAsync(request);
            if (firstAnswer == 0) firstAnswer = attempt.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable) { response.EnsureSuccessStatusCode(); break; }
            unavailable++;
        }
        report.Add("list", $"first GET /api/flow-config after ready: time to its answer{suffix}", firstAnswer, "ms");
        report.Add("list", $"time from first list request to the first page (loads the directory){suffix}", coldClock.Elapsed.TotalMilliseconds, "ms");
        report.Add("list", $"503 answers while the directory loaded{suffix}", unavailable, "");

        // Walk to the middle of the ids with the largest pages: the cursor a user deep in the list would hold.
        string? middleCursor = null;
        for (var pages = 0; pages < 500; pages++)
        {
            var (_, page) = await TimeAsync("/api/flow-config?limit=1000" + (middleCursor is null ? "" : "&cursor=" + Uri.EscapeDataString(middleCursor)), admin);
            middleCursor = page["cursor"]?.GetValue<string>();
            if (middleCursor is null || string.CompareOrdinal(page["items"]!.AsArray()[^1]!["id"]!.GetValue<string>(), "team-050") >= 0) break;
        }

        var cases = new List<(string Who, string Path, string Token)>
        {
            ("tag-scoped user (1% visible), first page", "/api/flow-config", scoped),
            ("admin (all visible), first page", "/api/flow-config", admin),
        };
        if (middleCursor is not null)
            cases.Add(("admin, a page from a cursor mid-list", "/api/flow-config?cursor=" + Uri.EscapeDataString(middleCursor), admin));
        foreach (var (who, path, token) in cases)
        {
            var timings = new List<double>();
            for (var i = 0; i < requests + 10; i++)
            {
                var (elapsed, _) = await TimeAsync(path, token);
                if (i >= 10) timings.Add(elapsed);
            }
            timings.Sort();
            report.Add("list", $"GET /api/flow-config, {who}{suffix}, p50", timings[timings.Count / 2], "ms");
            report.Add("list", $"GET /api/flow-config, {who}{suffix}, p99", timings[(int)(timings.Count * 0.99)], "ms");
        }
    }

    private async Task<(double Milliseconds, JsonObject Page)> TimeAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await _public.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        response.EnsureSuccessStatusCode();
        return (clock.Elapsed.TotalMilliseconds, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>A public API read as the admin <see cref="SeedAsync"/> signed in as.</summary>
    public async Task<JsonObject> GetAsAdminAsync(string path) =>
        JsonNode.Parse(await _public.GetStringAsync(path))!.AsObject();

    public async Task<byte[]> ResolvedBytesAsync(string id) =>
        await _internal.GetByteArrayAsync("/internal/config/" + Uri.EscapeDataString(id));

    private async Task<string> TokenAsync(object body)
    {
        using var client = new HttpClient { BaseAddress = _public.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/dev/token", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowConfigs.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("FlowConfigs.sln not found");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
