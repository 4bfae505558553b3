using FlowConfigs.Grains.Configs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace FlowConfigs.Grains.Tests.Configs;

/// <summary>A test cluster running the real grains over SQLite storage in a temporary data directory.</summary>
public sealed class FlowConfigClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "flowconfigs-grains-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Short, so a test can watch an unknown id's activation go.</summary>
    public static readonly TimeSpan UnknownIdLifetime = TimeSpan.FromSeconds(1);

    public async Task InitializeAsync() => Cluster = await StartAsync(DataDirectory);

    /// <summary>Starts a one-silo cluster over <paramref name="dataDirectory"/> (restarts see what earlier clusters wrote).</summary>
    public static async Task<TestCluster> StartAsync(string dataDirectory)
    {
        var builder = SqliteTestCluster.Builder(1, dataDirectory);
        builder.AddSiloBuilderConfigurator<TestFilters>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class TestFilters : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddIncomingGrainCallFilter<RejectOnceFilter>();
            silo.AddIncomingGrainCallFilter<Calendars.CalendarNoticeRecorder>();
            silo.Services.AddOptions<FlowConfigGrainOptions>().Configure(options => options.UnknownIdLifetime = UnknownIdLifetime);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FlowConfigCluster : ICollectionFixture<FlowConfigClusterFixture>
{
    public const string Name = "flow config cluster";
}
