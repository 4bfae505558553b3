using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowConfigs.Grains.ReadCopies;

public static class ReadCopiesHosting
{
    /// <summary>Read copies in this silo, the service receiving change announcements, and the announcer grains call.</summary>
    public static ISiloBuilder AddReadCopies(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ReadCopyOptions>();
        silo.Services.TryAddSingleton<IConfigCopySource, GrainConfigCopySource>();
        silo.Services.TryAddSingleton<ConfigReadCopies>();
        silo.Services.TryAddSingleton<ConfigChanges>();
        silo.AddGrainService<ReadCopyService>();
        return silo;
    }
}
