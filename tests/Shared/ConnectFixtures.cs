using System.Text.Json.Nodes;
using Xunit;

namespace FlowConfigs.Tests.Shared;

/// <summary>Loads the shared Connect fixtures from disk (FLOWCONFIGS_FIXTURES, or found by walking up to shared/fixtures/connect).</summary>
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
        if (Environment.GetEnvironmentVariable("FLOWCONFIGS_FIXTURES") is { Length: > 0 } configured)
            return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "fixtures", "connect"), Path.Combine(dir.FullName, "fixtures", "connect") })
                if (File.Exists(Path.Combine(candidate, "cases.json")))
                    return candidate;
        }
        throw new DirectoryNotFoundException("shared/fixtures/connect not found above " + AppContext.BaseDirectory + "; set FLOWCONFIGS_FIXTURES.");
    }
}
