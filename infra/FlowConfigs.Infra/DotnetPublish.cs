using System.Diagnostics;
using Amazon.CDK;

namespace FlowConfigs.Infra;

/// <summary>
/// Builds the GetConfig Lambda's <c>bootstrap</c> at synth time with the local .NET SDK (Native AOT, linux-x64).
/// A DeputyBase so the JSII runtime can call back into it from the CDK's Node side.
/// </summary>
public sealed class DotnetPublish : Amazon.JSII.Runtime.Deputy.DeputyBase, ILocalBundling
{
    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { "publish", "src/FlowConfigs.GetConfig", "-c", "Release", "-r", "linux-x64", "-o", outputDir, "-nologo", "-v", "q" })
            start.ArgumentList.Add(argument);
        try
        {
            using var publish = Process.Start(start)!;
            publish.WaitForExit();
            if (publish.ExitCode != 0) return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        // Only the executable goes into the zip.
        foreach (var file in Directory.GetFiles(outputDir).Where(f => Path.GetFileName(f) != "bootstrap"))
            File.Delete(file);
        return File.Exists(Path.Combine(outputDir, "bootstrap"));
    }
}
