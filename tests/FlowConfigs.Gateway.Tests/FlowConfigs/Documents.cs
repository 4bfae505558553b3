using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>Config documents and HTTP shortcuts the functional tests share.</summary>
internal static class Documents
{
    public static string NewId(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}";

    public static string Path(string id) => "/api/flow-config/" + Uri.EscapeDataString(id);

    /// <summary>GetConfig on the internal port, as the Lambda calls it.</summary>
    public static string InternalPath(string id) => "/internal/config/" + Uri.EscapeDataString(id);

    public static JsonObject Branch(string? id = null, string closure = "false", string greeting = "<speak>Hello.</speak>")
    {
        var document = new JsonObject
        {
            ["description"] = "Branch office",
            ["variables"] = new JsonObject { ["closure"] = closure, ["priority"] = "medium" },
            ["schema"] = new JsonObject
            {
                ["closure"] = new JsonObject { ["type"] = "boolean" },
                ["priority"] = new JsonObject { ["type"] = "select", ["options"] = new JsonArray("low", "medium", "high") },
            },
            ["prompts"] = new JsonObject
            {
                ["greeting"] = new JsonObject
                {
                    ["en-US"] = new JsonObject { ["voice"] = greeting, ["chat"] = "Hello!" },
                    ["es-US"] = new JsonObject { ["voice"] = "Hola." },
                },
            },
        };
        if (id is not null) document["id"] = id;
        return document;
    }

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<Dictionary<string, string>> ReadMapAsync(this HttpResponseMessage response) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(await response.Content.ReadAsStringAsync())!;

    /// <summary>Creates a branch config under each id, eight at a time.</summary>
    public static async Task SaveManyAsync(HttpClient admin, IEnumerable<string> ids) =>
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (id, _) => await SaveAsync(admin, id, Branch()));

    /// <summary>Saves as an admin and returns the stored version.</summary>
    public static async Task<long> SaveAsync(HttpClient admin, string id, JsonObject document)
    {
        var response = await admin.PostAsync(Path(id), Json(document));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Save {id}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["version"]!.GetValue<long>();
    }
}
