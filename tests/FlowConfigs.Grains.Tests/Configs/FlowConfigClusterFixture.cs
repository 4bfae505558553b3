using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
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
        var builder = new TestClusterBuilder(1);
        builder.Properties[nameof(DataDirectory)] = dataDirectory;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
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

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.AddFlowConfigsClient();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var dataDirectory = silo.Configuration[nameof(DataDirectory)]!;
            silo.AddFlowConfigsGrains();
            silo.AddIncomingGrainCallFilter<RejectOnceFilter>();
            silo.AddIncomingGrainCallFilter<Calendars.CalendarNoticeRecorder>();
            silo.Services.AddOptions<FlowConfigGrainOptions>().Configure(options => options.UnknownIdLifetime = UnknownIdLifetime);
            silo.AddSqliteDocumentStore(options => options.Configure(o => o.DataDirectory = dataDirectory));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FlowConfigCluster : ICollectionFixture<FlowConfigClusterFixture>
{
    public const string Name = "flow config cluster";
}
