using FlowConfigs.Domain.Access;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Gateway.Features.Access;
using FlowConfigs.Gateway.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowConfigs.Gateway.Features.FlowConfigs;

/// <summary>The id in the URL and what the caller may do with it.</summary>
internal static class ConfigAccess
{
    /// <summary>The config id from <c>/api/flow-config/{id}</c>, validated.</summary>
    public static (string? Id, ProblemHttpResult? Problem) RouteId(HttpContext context)
    {
        var id = RawRoute.Segment(context, 2);
        return FlowConfigId.Validate(id) is { } error ? (null, Problems.Field("id", error)) : (id, null);
    }

    /// <summary>The caller's level on <paramref name="id"/>, or 403 when it is below <paramref name="needed"/>.</summary>
    public static async Task<(AccessLevel Level, ProblemHttpResult? Problem)> RequireAsync(
        HttpContext context, IAccessDecider access, string id, AccessLevel needed, string action)
    {
        var level = await access.LevelAsync(Caller.Of(context), id, context.RequestAborted);
        return level >= needed
            ? (level, null)
            : (level, Problems.Forbidden($"{action} flow config {id} needs {needed} access; you have {(level == AccessLevel.None ? "none" : level.ToString())}."));
    }
}
