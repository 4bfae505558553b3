using System.Reflection;
using FlowConfigs.Domain.Access;
using FlowConfigs.Gateway.Http;

namespace FlowConfigs.Gateway.Features.Access;

/// <summary>What a config route needs on its <c>{id}</c>: the level and, for the 403's sentence, what the caller tried.</summary>
internal sealed record ConfigAccessRequirement(AccessLevel Level, string Action);

/// <summary>
/// The one access check of the config routes, as a route-group filter: the bound <see cref="ConfigId"/> must be a
/// valid id (else 400 naming <c>id</c>) on which the caller has the endpoint's <see cref="ConfigAccessRequirement"/>
/// (else 403). Handlers behind it receive a checked id.
/// </summary>
internal static class ConfigAccessFilter
{
    public static RouteHandlerBuilder RequiresConfigAccess(this RouteHandlerBuilder endpoint, AccessLevel level, string action)
    {
        endpoint.WithMetadata(new ConfigAccessRequirement(level, action));
        // The filter's own answers belong in the OpenAPI document beside the handler's.
        endpoint.Add(builder => ApiProblem.Declare(builder, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden));
        return endpoint;
    }

    /// <summary>Guards every endpoint of <paramref name="group"/> that binds a <see cref="ConfigId"/>.</summary>
    public static RouteGroupBuilder WithConfigAccessCheck(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory(Create);
        // Fail closed at start-up: a config route that forgot to say what it needs would otherwise be open to anyone.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler && BindsConfigId(handler)
                && !endpoint.Metadata.OfType<ConfigAccessRequirement>().Any())
                throw new InvalidOperationException($"{endpoint.DisplayName} binds a config id but declares no RequiresConfigAccess.");
        });
        return group;
    }

    private static bool BindsConfigId(MethodInfo handler) => ConfigIdIndex(handler) >= 0;

    private static int ConfigIdIndex(MethodInfo handler) => Array.FindIndex(handler.GetParameters(), p => p.ParameterType == typeof(ConfigId));

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var index = ConfigIdIndex(factory.MethodInfo);
        if (index < 0) return next;
        return async invocation =>
        {
            var requirement = invocation.HttpContext.GetEndpoint()!.Metadata.GetRequiredMetadata<ConfigAccessRequirement>();
            var id = invocation.GetArgument<ConfigId>(index);
            if (id.Problem is { } invalid) return Problems.Field("id", invalid);
            var access = invocation.HttpContext.RequestServices.GetRequiredService<CallerAccess>();
            var level = await access.LevelAsync(id.Value, invocation.HttpContext.RequestAborted);
            if (level < requirement.Level) return CallerAccess.Denied(id.Value, requirement.Level, requirement.Action, level);
            return await next(invocation);
        };
    }
}
