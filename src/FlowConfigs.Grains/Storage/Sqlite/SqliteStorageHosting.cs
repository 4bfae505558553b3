using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Grains.Storage.Sqlite;

public static class SqliteStorageHosting
{
    /// <summary>
    /// Makes <see cref="SqliteDocumentStore"/> the silo's document store; <paramref name="configureOptions"/> binds (and
    /// validates) its options.
    /// </summary>
    public static ISiloBuilder AddSqliteDocumentStore(this ISiloBuilder silo, Action<OptionsBuilder<SqliteStorageOptions>> configureOptions)
    {
        configureOptions(silo.Services.AddOptions<SqliteStorageOptions>());
        silo.Services.AddSingleton<SqliteDocumentStore>();
        silo.Services.AddDocumentStore<SqliteDocumentStore>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<SqliteDocumentStore>());
        return silo;
    }
}
