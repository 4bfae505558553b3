using System.Reflection;

namespace FlowConfigs.Grains.Operations;

/// <summary>The build a silo reports; the host registers its own, since the grains assembly is not what was deployed.</summary>
public sealed record SiloBuild(string Version)
{
    public static SiloBuild Of(Assembly assembly) =>
        new(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown");
}
