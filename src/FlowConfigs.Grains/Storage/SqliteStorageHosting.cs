using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace FlowConfigs.Grains.Storage;

public static class SqliteStorageHosting
{
    /// <summary>Registers <see cref="SqliteGrainStorage"/> as grain storage <paramref name="name"/> and as that name's state catalog.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, Action<SqliteGrainStorageOptions>? configure = null)
    {
        silo.Services.AddOptions<SqliteGrainStorageOptions>(name).Configure(options => configure?.Invoke(options));
        silo.Services.AddGrainStorage(name, (services, key) => new SqliteGrainStorage(
            key,
            services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SqliteGrainStorageOptions>>().Get(key),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        silo.Services.AddKeyedSingleton<IGrainStateCatalog>(name,
            (services, key) => (IGrainStateCatalog)services.GetRequiredKeyedService<IGrainStorage>(key));
        silo.Services.AddKeyedSingleton<IRevisionStore>(name,
            (services, key) => (IRevisionStore)services.GetRequiredKeyedService<IGrainStorage>(key));
        return silo;
    }
}
