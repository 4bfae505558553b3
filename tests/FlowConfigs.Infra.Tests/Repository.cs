using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FlowConfigs.Infra.Tests;

internal static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// A YAML file (in the repository, or at an absolute path) as JSON (merge keys resolved), parsed by the npm
    /// <c>yaml</c> package in tests/tools.
    /// </summary>
    public static JsonObject Yaml(string relative)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = PathOf("tests/tools") };
        start.ArgumentList.Add("yaml-to-json.mjs");
        start.ArgumentList.Add(PathOf(relative));
        using var node = Process.Start(start)!;
        var json = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, node.StandardError.ReadToEnd());
        return JsonNode.Parse(json)!.AsObject();
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowConfigs.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("FlowConfigs.sln not found above " + AppContext.BaseDirectory);
    }
}
