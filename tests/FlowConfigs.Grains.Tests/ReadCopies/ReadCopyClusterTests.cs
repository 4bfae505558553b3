using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Tests.Configs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace FlowConfigs.Grains.Tests.ReadCopies;

/// <summary>Two in-process silos: announcements reach the silo that does not host the config before the save returns.</summary>
public sealed class ReadCopyClusterTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-readcopies-" + Guid.NewGuid().ToString("N"));
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = SqliteTestCluster.Builder(2, _dataDirectory).Build();
        await _cluster.DeployAsync();
    }

    private ConfigReadCopies[] SiloCopies() =>
        _cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<ConfigReadCopies>()).ToArray();

    private static async Task<(string? Closure, ResolvedSource Source)> ReadAsync(ConfigReadCopies copies, string id)
    {
        var (resolved, source) = await copies.ReadAsync(id, "en-US", ContactChannel.Voice, ResolveDefaults.None);
        return (resolved is null ? null : System.Text.Json.JsonDocument.Parse(resolved.Utf8Json).RootElement.GetProperty("closure").GetString(), source);
    }

    [Fact]
    public async Task A_save_returns_only_after_the_other_silo_dropped_its_older_copy()
    {
        var id = SampleConfigs.NewId();
        var grain = _cluster.GrainFactory.GetGrain<IFlowConfigGrain>(id);
        await grain.SaveAsync(SampleConfigs.Branch(id, closure: "false"), SaveCondition.None, "alice", AccessLevel.Full);

        var silos = SiloCopies();
        foreach (var copies in silos) await ReadAsync(copies, id);
        var sources = await Task.WhenAll(silos.Select(async copies => (await ReadAsync(copies, id)).Source));
        Assert.Equal([ResolvedSource.Local, ResolvedSource.Copy], sources.Order());
        var other = silos[Array.IndexOf(sources, ResolvedSource.Copy)];

        for (var round = 0; round < 5; round++)
        {
            var closure = round % 2 == 0 ? "true" : "false";
            await grain.SaveAsync(SampleConfigs.Branch(id, closure: closure), SaveCondition.None, "alice", AccessLevel.Full);
            Assert.Equal(closure, (await ReadAsync(other, id)).Closure);
        }
        await grain.DeleteAsync(SaveCondition.None, "alice");
        Assert.Null((await ReadAsync(other, id)).Closure);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
