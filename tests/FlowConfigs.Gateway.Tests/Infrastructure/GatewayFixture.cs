using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FlowConfigs.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (silo, SQLite, development issuer) in this process on real loopback sockets: tokens come from
/// <c>POST /api/dev/token</c> and are validated through discovery and JWKS, exactly as in production.
/// </summary>
public class GatewayFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "flowconfigs-gateway-" + Guid.NewGuid().ToString("N"));
    public int PublicPort { get; } = GatewayProcess.FreePort();
    public int InternalPort { get; } = GatewayProcess.FreePort();

    private readonly int _siloPort = GatewayProcess.FreePort();
    private readonly int _gatewayPort = GatewayProcess.FreePort();

    /// <summary>Extra settings a derived fixture needs (another identity provider, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FlowConfigs:Ports:Public", PublicPort.ToString());
        builder.UseSetting("FlowConfigs:Ports:Internal", InternalPort.ToString());
        builder.UseSetting("FlowConfigs:Cluster:SiloPort", _siloPort.ToString());
        builder.UseSetting("FlowConfigs:Cluster:GatewayPort", _gatewayPort.ToString());
        builder.UseSetting("FlowConfigs:Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Readiness reports background probes; a test that breaks a dependency sees it on the next round.
        builder.UseSetting("FlowConfigs:Health:ProbePeriod", "00:00:01");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    public virtual Task InitializeAsync()
    {
        UseKestrel();
        StartServer();
        return Task.CompletedTask;
    }

    public async Task<string> TokenAsync(string username, string[] groups, string? full = null, string? edit = null, string? read = null)
    {
        using var client = PublicClient(null);
        var tags = new Dictionary<string, string?> { ["FlowConfigFull"] = full, ["FlowConfigEdit"] = edit, ["FlowConfigRead"] = read };
        using var response = await client.PostAsJsonAsync("/api/dev/token", new { username, groups, tags });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    public HttpClient PublicClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{PublicPort}") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public HttpClient InternalClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{InternalPort}") };

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
