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
    private static string? RawSegment(HttpContext context, string name)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint) return null;
        var segments = endpoint.RoutePattern.PathSegments;
        var index = -1;
        for (var i = 0; i < segments.Count && index < 0; i++)
            if (segments[i].Parts.Any(part => part is RoutePatternParameterPart parameter && parameter.Name == name))
                index = i;
        if (index < 0) return null;

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var path = raw.Split('?', 2)[0];
        if (!path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out var absolute))
            path = absolute.AbsolutePath;
        var parts = path.Split('/');
        // parts[0] is the empty string before the leading slash.
        return index + 1 < parts.Length ? Uri.UnescapeDataString(parts[index + 1]) : null;
    }
}
