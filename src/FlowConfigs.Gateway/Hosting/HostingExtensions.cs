namespace FlowConfigs.Gateway.Hosting;

internal static class HostingExtensions
{
    public static WebApplicationBuilder AddFlowConfigsHosting(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapFlowConfigsHosting(this WebApplication app)
    {
        return app;
    }
}
