using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowConfigs.Grains.Storage;

public static class StorageHosting
{
    /// <summary>The one document store of this silo, and the record of documents it could not read.</summary>
    internal static IServiceCollection AddDocumentStore<TStore>(this IServiceCollection services) where TStore : class, IDocumentStore
    {
        services.AddSingleton<IDocumentStore>(provider => provider.GetRequiredService<TStore>());
        services.TryAddSingleton<UnreadableDocuments>();
        services.TryAddSingleton<DocumentStorage>();
        services.TryAddSingleton<OutboxNudge>();
        return services;
    }
}
