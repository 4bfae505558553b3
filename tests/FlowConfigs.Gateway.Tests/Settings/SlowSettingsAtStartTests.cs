using System.Net;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Settings;
using FlowConfigs.Grains.Storage;
using FlowConfigs.Grains.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FlowConfigs.Gateway.Tests.Settings;

/// <summary>
/// Storage slower than a grain call may wait (a throttled table, a stalled disk) while a task starts: reading the
/// settings times out, and the task must start anyway and serve GetConfig, then pick the settings up once storage
/// answers. A start-up that threw on that timeout took the whole task down (exit 134) on a starved machine.
/// </summary>
public sealed class SlowSettingsAtStartTests(SlowSettingsAtStartTests.SlowSettingsGateway gateway) : IClassFixture<SlowSettingsAtStartTests.SlowSettingsGateway>
{
    /// <summary>The real SQLite store; reading the settings document waits past the grain call timeout while <see cref="Slow"/> is set.</summary>
    public sealed class SlowSettingsGateway : GatewayFixture
    {
        public volatile bool Slow = true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IDocumentStore>(provider =>
                new SlowSettingsStore(provider.GetRequiredService<SqliteDocumentStore>(), this)));
        }
    }

    private sealed class SlowSettingsStore(IDocumentStore store, SlowSettingsGateway gateway) : IDocumentStore
    {
        public async Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken = default)
        {
            if (key.Kind == SettingsGrain.Kind && gateway.Slow)
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            return await store.ReadAsync(key, cancellationToken);
        }

        public Task<WriteResult> WriteAsync(DocumentKey key, DocumentWrite write, CancellationToken cancellationToken = default) => store.WriteAsync(key, write, cancellationToken);
        public IAsyncEnumerable<StoredDocument> ListAsync(string kind, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default) => store.ListAsync(kind, fields, cancellationToken);
        public Task<IReadOnlyList<RevisionHeader>> ListRevisionsAsync(DocumentKey key, CancellationToken cancellationToken = default) => store.ListRevisionsAsync(key, cancellationToken);
        public Task<StoredRevision?> ReadRevisionAsync(DocumentKey key, long version, CancellationToken cancellationToken = default) => store.ReadRevisionAsync(key, version, cancellationToken);
        public Task<string> ProbeAsync(CancellationToken cancellationToken = default) => store.ProbeAsync(cancellationToken);
        public Task<AuditPage> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => store.ListAuditAsync(query, cancellationToken);
        public Task<IReadOnlyList<OutboxEvent>> ListOutboxAsync(int limit, CancellationToken cancellationToken = default) => store.ListOutboxAsync(limit, cancellationToken);
        public Task RemoveOutboxAsync(OutboxEvent delivered, CancellationToken cancellationToken = default) => store.RemoveOutboxAsync(delivered, cancellationToken);
    }

    [Fact]
    public async Task The_task_starts_and_serves_GetConfig_then_picks_the_settings_up()
    {
        // The fixture started the host while the settings read was slow: reaching here means start-up survived it.
        using var client = gateway.InternalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/internal/config/branch-office-austin")).StatusCode);

        gateway.Slow = false;
        using var admin = gateway.PublicClient(await gateway.TokenAsync("admin", ["FlowConfigAdmin"]));
        var settings = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        Assert.NotEmpty(settings["locales"]!.AsArray());
    }
}
