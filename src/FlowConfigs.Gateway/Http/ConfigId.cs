using System.Reflection;
using FlowConfigs.Domain.Configs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// A flow config id from the route's <c>{id}</c>. Ids travel as one percent-encoded path segment
/// (<c>queue%2Ftechnical-support</c>); the server decodes the path except <c>%2F</c>, so the route value cannot tell
/// <c>%2F</c> from <c>%252F</c>. The raw request target can, so the id is read from there, once, at binding.
/// Whether it is a valid id is the concern of whoever guards the route (the access filter on the config routes).
/// </summary>
public readonly record struct ConfigId(string Value)
{
    /// <summary>Null when the id follows the id rules, else why not.</summary>
    public string? Problem => FlowConfigId.Validate(Value);

    public override string ToString() => Value;

    /// <summary>The route parameter the id is read from. Handlers name their parameter differently (<c>configId</c>), so the framework never also binds the decoded route value to it.</summary>
    public const string RouteParameter = "id";

    public static ValueTask<ConfigId> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(new ConfigId(RawSegment(context, RouteParameter) ?? ""));

    /// <summary>The decoded raw path segment that the route parameter <paramref name="name"/> matched.</summary>
    /// <remarks>GetConfig binds this on every call, so it walks spans and allocates only the id itself.</remarks>
    internal static string? RawSegment(HttpContext context, string name)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint) return null;
        var index = SegmentIndex(endpoint.RoutePattern, name);
        if (index < 0) return null;

        ReadOnlySpan<char> path = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        if (path.IndexOf('?') is var query and >= 0) path = path[..query];
        if (path.Length > 0 && path[0] != '/' && Uri.TryCreate(path.ToString(), UriKind.Absolute, out var absolute))
            path = absolute.AbsolutePath;
        // Skip the leading slash, then index segments.
        path = path.Length > 0 && path[0] == '/' ? path[1..] : path;
        for (var i = 0; i < index; i++)
        {
            var slash = path.IndexOf('/');
            if (slash < 0) return null;
            path = path[(slash + 1)..];
        }
        if (path.IndexOf('/') is var end and >= 0) path = path[..end];
        return path.Contains('%') ? Uri.UnescapeDataString(path.ToString()) : path.ToString();
    }

    private static int SegmentIndex(RoutePattern pattern, string name)
    {
        var segments = pattern.PathSegments;
        for (var i = 0; i < segments.Count; i++)
            foreach (var part in segments[i].Parts)
                if (part is RoutePatternParameterPart parameter && parameter.Name == name)
                    return i;
        return -1;
    }
}
