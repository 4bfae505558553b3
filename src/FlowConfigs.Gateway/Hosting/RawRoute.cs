using Microsoft.AspNetCore.Http.Features;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>
/// Ids travel as one percent-encoded path segment (<c>queue%2Ftechnical-support</c>). The server decodes the path
/// except <c>%2F</c>, so a route value cannot tell <c>%2F</c> from <c>%252F</c>; the raw request target can.
/// </summary>
internal static class RawRoute
{
    /// <summary>The decoded path segment at <paramref name="index"/> (0 is the first after the leading slash).</summary>
    public static string? Segment(HttpContext context, int index)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var path = raw.Split('?', 2)[0];
        if (!path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out var absolute))
            path = absolute.AbsolutePath;
        var segments = path.Split('/');
        // segments[0] is the empty string before the leading slash.
        return index + 1 < segments.Length ? Uri.UnescapeDataString(segments[index + 1]) : null;
    }
}
