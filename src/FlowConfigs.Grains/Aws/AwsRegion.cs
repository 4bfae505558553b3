using System.Text.RegularExpressions;

namespace FlowConfigs.Grains.Aws;

/// <summary>The one check every AWS client here makes on a configured region.</summary>
public static partial class AwsRegion
{
    /// <summary>
    /// The SDK accepts any string as a region (regions newer than the SDK included), so check the shape at least and
    /// name the setting that holds a typo.
    /// </summary>
    public static void ThrowIfMalformed(string? region, string setting)
    {
        if (!string.IsNullOrEmpty(region) && !Shape().IsMatch(region))
            throw new InvalidOperationException($"{setting} '{region}' is not an AWS region (for example us-east-1).");
    }

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d$")]
    private static partial Regex Shape();
}
