using FlowConfigs.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace FlowConfigs.Grains;

public static class GrainsHosting
{
    /// <summary>
    /// Lets grain messages carry the domain's records as JSON: the domain stays free of Orleans attributes, and the
    /// wire shape is the same camelCase JSON the API and storage use.
    /// </summary>
    public static ISiloBuilder AddFlowConfigsSerialization(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("FlowConfigs.Domain", StringComparison.Ordinal) == true,
            jsonSerializerOptions: DomainJson.Options));
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }
}
