using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileGateway>
{
    public const string Name = "hostile requests";
}

/// <summary>What a test saw before its hostile requests: the stored state and how many error lines were logged.</summary>
public sealed record Checkpoint(string State, int ErrorLines);

/// <summary>
/// One gateway as its own process (built output, SQLite, sample data) that every class of hostile requests hits in
/// turn. After each test it must be unharmed: the same process still running, no error logged, nothing stored
/// changed, and resident memory within <see cref="MemoryAllowance"/> of what it used before the first attack.
/// </summary>
public sealed class HostileGateway : IAsyncLifetime
{
    /// <summary>Refusing a 10 MB import may take buffers for a while; keeping hundreds of megabytes would be a leak.</summary>
    public const long MemoryAllowance = 300L * 1024 * 1024;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "flowconfigs-hostile-" + Guid.NewGuid().ToString("N"));
    public GatewayProcess Gateway { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Internal { get; private set; } = null!;
    public string AdminToken { get; private set; } = "";
    public long StartResidentBytes { get; private set; }
    public string DevIssuer => $"http://127.0.0.1:{Gateway.PublicPort}/dev-issuer";

    private int _processId;

    public async Task InitializeAsync()
    {
        Gateway = await GatewayProcess.StartAsync(DataDirectory);
        _processId = Gateway.ProcessId;
        AdminToken = await Gateway.TokenAsync("hostile-admin", ["FlowConfigAdmin"]);
        Admin = Gateway.PublicClient(AdminToken);
        Anonymous = Gateway.PublicClient();
        Internal = Gateway.InternalClient();
        // The first read of every path (JIT, grain activations, SQLite pages) belongs in the baseline, not in the growth.
        await SnapshotAsync();
        (await Internal.GetAsync("/internal/config/branch-office-austin")).EnsureSuccessStatusCode();
        StartResidentBytes = Gateway.ResidentBytes();
    }

    /// <summary>A config of the test's own (saved before its checkpoint), for attacks that would change one.</summary>
    public async Task<string> CreateConfigAsync(string prefix)
    {
        var id = Documents.NewId(prefix);
        using var response = await Admin.PutAsync(Documents.Path(id), Documents.Json(Documents.Branch()));
        response.EnsureSuccessStatusCode();
        return id;
    }

    public async Task<Checkpoint> CheckpointAsync() => new(await SnapshotAsync(), Gateway.ErrorLines.Count);

    public async Task AssertUnharmedAsync(Checkpoint before, ITestOutputHelper? output = null)
    {
        Assert.False(Gateway.HasExited, "The gateway process exited.");
        Assert.Equal(_processId, Gateway.ProcessId);
        var errors = Gateway.ErrorLines.Skip(before.ErrorLines).ToList();
        Assert.True(errors.Count == 0, "The gateway logged errors:\n" + string.Join('\n', errors));
        Assert.Equal(before.State, await SnapshotAsync());
        var resident = Gateway.ResidentBytes();
        output?.WriteLine($"VmRSS {resident / 1048576} MB (started at {StartResidentBytes / 1048576} MB, bound {(StartResidentBytes + MemoryAllowance) / 1048576} MB)");
        Assert.True(resident < StartResidentBytes + MemoryAllowance,
            $"VmRSS is {resident / 1048576} MB; it started at {StartResidentBytes / 1048576} MB and may grow by {MemoryAllowance / 1048576} MB at most.");
    }

    /// <summary>Every config (export), the settings, and how many revisions each config has, as one comparable text.</summary>
    private async Task<string> SnapshotAsync()
    {
        var export = await Admin.GetStringAsync("/api/flow-config/export");
        var settings = await Admin.GetStringAsync("/api/settings");
        var ids = JsonNode.Parse(export)!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        var revisions = new List<string>();
        foreach (var id in ids)
        {
            var history = JsonNode.Parse(await Admin.GetStringAsync($"/api/flow-config/{Uri.EscapeDataString(id)}/history"))!;
            revisions.Add($"{id}: {history["items"]!.AsArray().Count} revisions");
        }
        return $"{export}\n{settings}\n{string.Join('\n', revisions)}";
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        Anonymous?.Dispose();
        Internal?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
