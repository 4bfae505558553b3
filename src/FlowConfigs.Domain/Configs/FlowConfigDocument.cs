using System.Text.Json;

namespace FlowConfigs.Domain.Configs;

/// <summary>
/// Reads a flow config sent by a client (HTTP body, import item) strictly: wrong JSON types, unknown
/// fields, duplicate keys and every rule in DESIGN.md's data model are reported per field.
/// </summary>
public static class FlowConfigDocument
{
    /// <summary>Largest stored document, UTF-8 JSON (the DynamoDB item limit).</summary>
    public const int MaxDocumentBytes = 400 * 1024;

    /// <param name="document">The JSON object the client sent.</param>
    /// <param name="id">The id from the URL; a body <c>id</c> must equal it. For import items pass null: the body id is then required.</param>
    /// <returns>The config with Version taken from the body's <c>version</c> (0 when absent), UpdatedAt/UpdatedBy ignored.</returns>
    public static ReadResult<FlowConfig> Read(JsonElement document, string? id) => throw new NotImplementedException();
}
