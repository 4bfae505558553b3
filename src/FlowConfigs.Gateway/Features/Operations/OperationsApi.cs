using FlowConfigs.Grains.Operations;

namespace FlowConfigs.Gateway.Features.Operations;

/// <summary>The cluster view for operators: every task of the cluster, its state, build and how it serves reads.</summary>
internal static class OperationsApi
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        // The build every silo reports is this gateway's, which is what was deployed.
        builder.Services.AddSingleton(SiloBuild.Of(typeof(OperationsApi).Assembly));
        return builder;
    }

    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ops/cluster", ClusterEndpoint.GetAsync).RequireAuthorization().WithTags("Operations").WithName("GetCluster");
        return app;
    }
}
