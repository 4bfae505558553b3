using FlowConfigs.Gateway.Http;
using FlowConfigs.Grains.Configs;
using Microsoft.Net.Http.Headers;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>ETags are the config's version, quoted: <c>"7"</c>.</summary>
internal static class Preconditions
{
    public static string ETagFor(long version) => $"\"{version}\"";

    /// <summary>
    /// If-Match (<c>*</c> or one version) and If-None-Match: <c>*</c>; without If-Match, a body version above zero
    /// is the expected version, so a client that sends back what it read cannot overwrite a newer save.
    /// </summary>
    public static (SaveCondition? Condition, BadRequestProblem? Problem) Read(HttpRequest request, long bodyVersion = 0)
    {
        long? expected = bodyVersion > 0 ? bodyVersion : null;
        var mustExist = false;

        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            if (ifMatch.Trim() == "*")
            {
                mustExist = true;
                expected = null;
            }
            else if (TryParseVersion(ifMatch, out var version))
                expected = version;
            else
                return (null, Problems.Field("If-Match", "If-Match must be * or one ETag such as \"7\"."));
        }

        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Trim() != "*")
            return (null, Problems.Field("If-None-Match", "On a save, If-None-Match may only be *."));

        return (new SaveCondition(expected, mustExist, MustNotExist: ifNoneMatch.Length > 0), null);
    }

    /// <summary>Whether a GET's If-None-Match names <paramref name="version"/> (so 304 applies).</summary>
    public static bool NoneMatchHits(HttpRequest request, long version)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
            return false;
        return tags.Any(tag => tag.Tag == "*" || (TryParseVersion(tag.Tag.ToString(), out var v) && v == version));
    }

    private static bool TryParseVersion(string header, out long version)
    {
        version = 0;
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.Tag.Length < 3)
            return false;
        return long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out version);
    }
}
