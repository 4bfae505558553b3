using System.Text.Json.Nodes;
using Xunit;

namespace FlowConfigs.Tests.Shared;

/// <summary>
/// The Connect fixtures of tests/fixtures/connect, which each test project that links this file copies next to its
/// assembly: a clone tests on its own, wherever it lives.
/// </summary>
internal static class ConnectFixtures
{
    public static string Directory { get; } = Find();

    public static JsonArray Cases() => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "cases.json")))!.AsArray();

    /// <summary>Each case's name, for theories that run every case.</summary>
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var item in Cases())
            data.Add(item!["name"]!.GetValue<string>());
        return data;
    }

    public static JsonObject StoredConfig() => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "branch-office-austin.json")))!.AsObject();

    private static string Find()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "fixtures", "connect");
        // A missing copy means the test project lost its item for tests/fixtures/connect, not that the data moved.
        return File.Exists(Path.Combine(directory, "cases.json"))
            ? directory
            : throw new FileNotFoundException("cases.json was not copied to " + directory + "; the test project must include ../fixtures/connect/*.json as content.");
    }
}
