using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Tests;

internal static class Json
{
    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Reads <paramref name="json"/> as a client document, asserting it is valid.</summary>
    public static FlowConfig Config(string json, string? id = null)
    {
        var read = FlowConfigDocument.Read(Parse(json), id);
        Assert.True(read.IsValid, read.Errors.ToString());
        return read.Value!;
    }

    public static FieldErrors Errors(string json, string? id = "x")
    {
        var read = FlowConfigDocument.Read(Parse(json), id);
        Assert.False(read.IsValid, "expected the document to be rejected");
        Assert.Null(read.Value);
        return read.Errors;
    }

    public static void AssertNames(FieldErrors errors, params string[] fields) =>
        Assert.All(fields, field => Assert.True(errors.ToDictionary().ContainsKey(field), $"no error for '{field}' in: {errors}"));
}
