using System.Text.Json.Nodes;

namespace FlowConfigs.Infra.Tests;

/// <summary>
/// A dashboard body as CloudWatch will read it: the template holds it as an <c>Fn::Join</c> of JSON text and tokens,
/// so the tokens are written in as <c>{Ref:Id}</c> and <c>{GetAtt:Id.Attribute}</c> (they only ever sit inside JSON strings).
/// </summary>
internal static class DashboardBody
{
    public sealed record Metric(string Namespace, string Name, IReadOnlyDictionary<string, string> Dimensions, string? Stat)
    {
        public override string ToString() => $"{Namespace} {Name} {Stat} [{string.Join(", ", Dimensions.Select(d => $"{d.Key}={d.Value}"))}]";
    }

    public static JsonObject[] Widgets(JsonNode body) =>
        JsonNode.Parse(Text(body))!["widgets"]!.AsArray().Select(w => w!.AsObject()).ToArray();

    /// <summary>The metrics a graph widget draws, those hidden behind a math expression included.</summary>
    public static IEnumerable<Metric> Metrics(JsonObject widget) =>
        (widget["properties"]!["metrics"] as JsonArray ?? []).Select(m => m!.AsArray())
            .Where(m => m[0] is JsonValue)
            .Select(m =>
            {
                var values = m.Where(v => v is JsonValue).Select(v => v!.GetValue<string>()).ToArray();
                var dimensions = Enumerable.Range(1, (values.Length - 2) / 2).ToDictionary(i => values[2 * i], i => values[2 * i + 1]);
                return new Metric(values[0], values[1], dimensions, (m.LastOrDefault() as JsonObject)?["stat"]?.GetValue<string>());
            });

    private static string Text(JsonNode node) => node switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(part => Text(part!))),
        JsonObject o when o["Ref"] is { } reference => $"{{Ref:{reference.GetValue<string>()}}}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray attribute => $"{{GetAtt:{attribute[0]}.{attribute[1]}}}",
        _ => node.ToJsonString().Replace('"', '\''),
    };
}
