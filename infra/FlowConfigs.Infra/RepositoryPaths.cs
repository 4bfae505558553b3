using System.Security.Cryptography;

namespace FlowConfigs.Infra;

/// <summary>Where the app finds the repository it deploys: the Dockerfile, policies/ and the Lambda's sources.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Policies => Path.Combine(Root, "policies");

    /// <summary>A hash of everything the Lambda's bootstrap is built from, so a change to any of it redeploys the function.</summary>
    public static string GetConfigSourceHash()
    {
        var files = new[] { "src/FlowConfigs.GetConfig", "src/FlowConfigs.Domain" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(Root, dir), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Concat([Path.Combine(Root, "Directory.Build.props"), Path.Combine(Root, "Directory.Packages.props")])
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(Root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FlowConfigs.sln")))
                    return dir.FullName;
        throw new DirectoryNotFoundException("Run the CDK app from inside the FlowConfigs repository (FlowConfigs.sln not found).");
    }
}
