using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace FlowConfigs.Grains.Tests.Configs;

/// <summary>
/// The one way the grain tests build a cluster: in-process silos running the real grains over SQLite in a data
/// directory of the test's, and a client that reads grain messages as the silos write them. Silos are built by type
/// from configuration, so a test's own additions come as a further <see cref="ISiloConfigurator"/>.
/// </summary>
public static class SqliteTestCluster
{
    private const string DataDirectoryKey = "DataDirectory";

    public static TestClusterBuilder Builder(short silos, string dataDirectory)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Properties[DataDirectoryKey] = dataDirectory;
        builder.AddSiloBuilderConfigurator<Silo>();
        builder.AddClientBuilderConfigurator<Client>();
        return builder;
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var dataDirectory = silo.Configuration[DataDirectoryKey]!;
            silo.AddFlowConfigsGrains();
            silo.AddSqliteDocumentStore(options => options.Configure(o => o.DataDirectory = dataDirectory));
        }
    }

    private sealed class Client : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.AddFlowConfigsClient();
    }
}
