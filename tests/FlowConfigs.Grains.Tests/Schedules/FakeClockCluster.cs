using FlowConfigs.Grains.Configs;
using FlowConfigs.Grains.ReadCopies;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.Sqlite;
using FlowConfigs.Grains.Tests.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace FlowConfigs.Grains.Tests.Schedules;

/// <summary>
/// Two silos whose grains, read copies and storage see a clock the test moves (Orleans' own timers keep real time,
/// so membership and messaging are unaffected), over SQLite whose writes of one chosen id the test can hold.
/// </summary>
public sealed class FakeClockCluster : IAsyncLifetime
{
    /// <summary>Christmas Eve 2026, noon UTC (06:00 in Chicago).</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 24, 12, 0, 0, TimeSpan.Zero);

    // Silos are built by type from configuration, so the instances they share with the test are per process; the
    // collection below keeps the tests that move it from running at the same time.
    public static readonly FakeTimeProvider Clock = new(Start);
    public static readonly StorageControl Storage = new();

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flowconfigs-schedules-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = SqliteTestCluster.Builder(2, _dataDirectory);
        builder.AddSiloBuilderConfigurator<FakeClockAndHeldWrites>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public ConfigReadCopies[] SiloCopies() =>
        Cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<ConfigReadCopies>()).ToArray();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class FakeClockAndHeldWrites : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton<IDocumentStore>(services => new ControlledStore(services.GetRequiredService<SqliteDocumentStore>(), Storage));
            silo.Services.AddSingleton<TimeProvider>(Clock);
            // The tests jump days at a time; copies must outlive the jumps to show they switch by themselves.
            silo.Services.Configure<ReadCopyOptions>(options => options.IdleAfter = TimeSpan.FromDays(30));
            foreach (var area in new[] { TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
                         TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
                silo.Services.AddKeyedSingleton(area, TimeProvider.System);
        }
    }

    /// <summary>Writes of <see cref="Id"/> wait until released, reads of <see cref="Unreadable"/> fail; everything else passes.</summary>
    public sealed class StorageControl
    {
        private TaskCompletionSource _release = Released();

        public string? Id { get; private set; }

        /// <summary>The id whose reads fail as storage that does not answer would.</summary>
        public volatile string? Unreadable;

        public void Hold(string id)
        {
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Id = id;
        }

        public void Release()
        {
            Id = null;
            _release.TrySetResult();
        }

        public Task WaitAsync(string id) => id == Id ? _release.Task : Task.CompletedTask;

        private static TaskCompletionSource Released()
        {
            var released = new TaskCompletionSource();
            released.SetResult();
            return released;
        }
    }

    private sealed class ControlledStore(IDocumentStore inner, StorageControl held) : IDocumentStore
    {
        public Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
            key.Id == held.Unreadable ? throw new StorageUnavailableException($"{key} is made unreadable by the test") : inner.ReadAsync(key, cancellationToken);

        public async Task<WriteResult> WriteAsync(DocumentKey key, DocumentWrite write, CancellationToken cancellationToken = default)
        {
            await held.WaitAsync(key.Id);
            return await inner.WriteAsync(key, write, cancellationToken);
        }

        public IAsyncEnumerable<StoredDocument> ListAsync(string kind, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) =>
            inner.ListAsync(kind, fields, cancellationToken);

        public Task<IReadOnlyList<RevisionHeader>> ListRevisionsAsync(DocumentKey key, CancellationToken cancellationToken = default) =>
            inner.ListRevisionsAsync(key, cancellationToken);

        public Task<StoredRevision?> ReadRevisionAsync(DocumentKey key, long version, CancellationToken cancellationToken = default) =>
            inner.ReadRevisionAsync(key, version, cancellationToken);

        public Task<string> ProbeAsync(CancellationToken cancellationToken = default) => inner.ProbeAsync(cancellationToken);

        public Task<AuditPage> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.ListAuditAsync(query, cancellationToken);

        public Task<IReadOnlyList<OutboxEvent>> ListOutboxAsync(int limit, CancellationToken cancellationToken = default) => inner.ListOutboxAsync(limit, cancellationToken);

        public Task RemoveOutboxAsync(OutboxEvent delivered, CancellationToken cancellationToken = default) => inner.RemoveOutboxAsync(delivered, cancellationToken);
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockClusterCollection : ICollectionFixture<FakeClockCluster>
{
    public const string Name = "fake clock cluster";
}
