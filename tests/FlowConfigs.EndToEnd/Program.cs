using FlowConfigs.EndToEnd.Screenshots;

// The test runner loads this assembly without calling Main; running it directly takes the README's screenshots
// (./test.sh --screenshots).
if (args is ["screenshots", var directory])
    return await ReadmeScreenshots.RunAsync(directory);
Console.Error.WriteLine("usage: dotnet FlowConfigs.EndToEnd.dll screenshots <directory>   (or ./test.sh --screenshots)");
return 2;
