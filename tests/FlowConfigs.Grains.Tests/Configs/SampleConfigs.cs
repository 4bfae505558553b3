using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Grains.Tests.Configs;

internal static class SampleConfigs
{
    /// <summary>Records holding dictionaries compare by reference; their JSON compares by content.</summary>
    public static string Json(FlowConfig config) => System.Text.Json.JsonSerializer.Serialize(config, FlowConfigs.Domain.DomainJson.Options);

    public static string NewId(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";

    public static FlowConfig Branch(string id, string closure = "false", string greeting = "<speak>Hello.</speak>") => new()
    {
        Id = id,
        Description = "Branch office",
        Variables = new Dictionary<string, string> { ["closure"] = closure, ["priority"] = "medium" },
        Schema = new Dictionary<string, VariableSchema>
        {
            ["closure"] = new(VariableType.Boolean),
            ["priority"] = new(VariableType.Select, ["low", "medium", "high"]),
        },
        Prompts = new Dictionary<string, IReadOnlyDictionary<string, PromptText>>
        {
            ["greeting"] = new Dictionary<string, PromptText>
            {
                ["en-US"] = new(greeting, "Hello!"),
                ["es-US"] = new("Hola."),
            },
        },
    };
}
