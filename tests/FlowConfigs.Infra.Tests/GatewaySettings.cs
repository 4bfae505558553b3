using System.Reflection;

namespace FlowConfigs.Infra.Tests;

/// <summary>
/// Every <c>FlowConfigs__*</c> setting the gateway can bind, read from its Options classes (each declares its
/// <c>Section</c>), so deployment files can be checked against the code instead of against a list kept by hand.
/// </summary>
internal static class GatewaySettings
{
    private static readonly Dictionary<string, Type> Sections = typeof(FlowConfigs.Gateway.Hosting.SiloPortsOptions).Assembly.GetTypes()
        .Select(type => (type, field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
        .Where(t => t.field is { IsLiteral: true } && ((string)t.field.GetRawConstantValue()!).StartsWith("FlowConfigs:"))
        .ToDictionary(t => (string)t.field!.GetRawConstantValue()!, t => t.type, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> SectionNames => Sections.Keys;

    /// <summary>Whether an environment variable such as <c>FlowConfigs__Storage__DynamoDB__TableName</c> binds to a property.</summary>
    public static bool Binds(string environmentKey)
    {
        var parts = environmentKey.Split("__");
        if (parts.Length < 3 || !Sections.TryGetValue($"{parts[0]}:{parts[1]}", out var type)) return false;
        foreach (var part in parts[2..])
        {
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite) return false;
            type = property.PropertyType;
        }
        return true;
    }
}
