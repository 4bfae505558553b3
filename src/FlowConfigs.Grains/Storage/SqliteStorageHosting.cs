using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace FlowConfigs.Grains.Storage;

public static class SqliteStorageHosting
{
    /// <summary>
    /// Registers <see cref="SqliteGrainStorage"/> as grain storage <paramref name="name"/>, its state catalog and its
    /// revision store; <paramref name="configureOptions"/> binds (and validates) the options named <paramref name="name"/>.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, Action<OptionsBuilder<SqliteGrainStorageOptions>> configureOptions)
    {
        configureOptions(silo.Services.AddOptions<SqliteGrainStorageOptions>(name));
        silo.Services.AddGrainStorage(name, (services, key) => new SqliteGrainStorage(
            key,
            services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(key),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        silo.Services.AddKeyedSingleton<IGrainStateCatalog>(name,
            (services, key) => (IGrainStateCatalog)services.GetRequiredKeyedService<IGrainStorage>(key));
        silo.Services.AddKeyedSingleton<IRevisionStore>(name,
            (services, key) => (IRevisionStore)services.GetRequiredKeyedService<IGrainStorage>(key));
        return silo;
    }
}
