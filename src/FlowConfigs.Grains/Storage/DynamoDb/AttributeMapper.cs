using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace FlowConfigs.Grains.Storage.DynamoDb;

/// <summary>JSON ↔ DynamoDB attribute values, natively: objects as maps, arrays as lists, numbers as N.</summary>
internal static class AttributeMapper
{
    public static AttributeValue ToAttribute(JsonNode? node) => node switch
    {
        null => new AttributeValue { NULL = true },
        JsonObject obj => new AttributeValue { M = obj.ToDictionary(p => p.Key, p => ToAttribute(p.Value)) },
        JsonArray array => new AttributeValue { L = array.Select(ToAttribute).ToList() },
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new AttributeValue { S = value.GetValue<string>() },
            JsonValueKind.Number => new AttributeValue { N = value.ToJsonString() },
            JsonValueKind.True => new AttributeValue { BOOL = true },
            JsonValueKind.False => new AttributeValue { BOOL = false },
            _ => new AttributeValue { NULL = true },
        },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    public static JsonNode? ToJson(AttributeValue value)
    {
        if (value.S is not null) return JsonValue.Create(value.S);
        if (value.N is not null) return JsonNode.Parse(value.N);
        if (value.BOOL is { } flag) return JsonValue.Create(flag);
        if (value.M is not null) return ToJsonObject(value.M);
        if (value.L is not null) return new JsonArray(value.L.Select(ToJson).ToArray());
        if (value.SS is not null) return new JsonArray(value.SS.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        return null;
    }

    public static JsonObject ToJsonObject(IEnumerable<KeyValuePair<string, AttributeValue>> attributes)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in attributes)
            obj[name] = ToJson(value);
        return obj;
    }

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static long? Number(Dictionary<string, AttributeValue>? item, string name) =>
        item is not null && item.TryGetValue(name, out var value) && value.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : null;
}
