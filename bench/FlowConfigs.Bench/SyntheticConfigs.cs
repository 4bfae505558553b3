using System.Text.Json.Nodes;

namespace FlowConfigs.Bench;

/// <summary>Configs shaped like a real branch office, spread over 100 teams so a tag-scoped user sees 1%.</summary>
internal static class SyntheticConfigs
{
    public const int Teams = 100;

    public static string Id(int i) => $"team-{i % Teams:D3}/office-{i:D5}";

    public static JsonObject Config(int i) => new()
    {
        ["id"] = Id(i),
        ["description"] = $"Office {i} main line",
        ["variables"] = new JsonObject
        {
            ["closure"] = "false", ["priority"] = "medium", ["maxWaitTime"] = "600", ["transferNumber"] = "+15125550100",
            ["queueName"] = $"office-{i}-inbound",
        },
        ["schema"] = new JsonObject
        {
            ["closure"] = new JsonObject { ["type"] = "boolean" },
            ["priority"] = new JsonObject { ["type"] = "select", ["options"] = new JsonArray("low", "medium", "high") },
            ["maxWaitTime"] = new JsonObject { ["type"] = "number" },
        },
        ["prompts"] = new JsonObject
        {
            ["greeting"] = new JsonObject
            {
                ["en-US"] = new JsonObject { ["voice"] = $"<speak>Thank you for calling office {i}.</speak>", ["chat"] = $"Thanks for contacting office {i}!" },
                ["es-US"] = new JsonObject { ["voice"] = $"<speak>Gracias por llamar a la oficina {i}.</speak>" },
            },
            ["holdMessage"] = new JsonObject
            {
                ["en-US"] = new JsonObject { ["voice"] = "<speak>Please stay on the line.<break time=\"500ms\"/> Your call is important to us.</speak>" },
                ["es-US"] = new JsonObject { ["voice"] = "<speak>Por favor permanezca en la línea.</speak>" },
            },
        },
    };

    public static string ConnectEvent(string id) => new JsonObject
    {
        ["Name"] = "ContactFlowEvent",
        ["Details"] = new JsonObject
        {
            ["ContactData"] = new JsonObject
            {
                ["Attributes"] = new JsonObject(), ["Channel"] = "VOICE", ["ContactId"] = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe",
                ["CustomerEndpoint"] = new JsonObject { ["Address"] = "+17035550123", ["Type"] = "TELEPHONE_NUMBER" },
                ["InitiationMethod"] = "INBOUND", ["LanguageCode"] = "en-US",
                ["SystemEndpoint"] = new JsonObject { ["Address"] = "+15125550199", ["Type"] = "TELEPHONE_NUMBER" },
            },
            ["Parameters"] = new JsonObject { ["id"] = id },
        },
    }.ToJsonString();
}
