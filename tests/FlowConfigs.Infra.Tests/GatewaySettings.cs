using System.Reflection;
using FlowConfigs.Gateway.Features.Events;
using FlowConfigs.Gateway.Hosting;
using FlowConfigs.Grains.Events;
using FlowConfigs.Grains.Storage.Sqlite;
using FlowConfigs.Grains.Storage.DynamoDb;

namespace FlowConfigs.Infra.Tests;

/// <summary>
/// Every <c>FlowConfigs__*</c> setting the gateway can bind, read from its Options classes (each declares its
/// <c>Section</c>), so deployment files can be checked against the code instead of against a list kept by hand.
/// </summary>
internal static class GatewaySettings
{
    /// <summary>
    /// Options that live in FlowConfigs.Grains, which names no settings (the storage providers', the event
    /// dispatcher's); the gateway binds them from these sections.
    /// </summary>
    private static readonly (string Section, Type Options)[] GrainsOptions =
    [
        (StorageOptions.Section, typeof(SqliteStorageOptions)),
        (StorageOptions.Section, typeof(DynamoDbStorageOptions)),
        (StorageOptions.DynamoDBSection, typeof(DynamoDbStorageOptions)),
        (EventsOptions.Section, typeof(ChangeEventDeliveryOptions)),
    ];

    private static readonly ILookup<string, Type> Sections = typeof(SiloPortsOptions).Assembly.GetTypes()
        .Select(type => (type, field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
        .Where(t => t.field is { IsLiteral: true } && ((string)t.field.GetRawConstantValue()!).StartsWith("FlowConfigs:"))
        .Select(t => (Section: (string)t.field!.GetRawConstantValue()!, Options: t.type))
        .Concat(GrainsOptions)
        .ToLookup(t => t.Section, t => t.Options, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> SectionNames => Sections.Select(section => section.Key).ToArray();

    /// <summary>Whether an environment variable such as <c>FlowConfigs__Storage__DynamoDB__TableName</c> binds to a property.</summary>
    public static bool Binds(string environmentKey)
    {
        var parts = environmentKey.Split("__");
        for (var sectionLength = 2; sectionLength < parts.Length; sectionLength++)
            foreach (var type in Sections[string.Join(':', parts[..sectionLength])])
                if (BindsProperty(type, parts[sectionLength..]))
                    return true;
        return false;
    }

    private static bool BindsProperty(Type type, string[] path)
    {
        foreach (var part in path)
        {
            // A list's or an array's items bind by index (FlowConfigs__Events__Webhook__Urls__0, FlowConfigs__Web__FrameAncestors__0).
            if (int.TryParse(part, out _) && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                type = type.GetGenericArguments()[0];
                continue;
            }
            if (int.TryParse(part, out _) && type.IsArray)
            {
                type = type.GetElementType()!;
                continue;
            }
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite) return false;
            type = property.PropertyType;
        }
        return true;
    }
}
