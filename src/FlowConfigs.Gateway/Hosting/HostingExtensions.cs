using System.Net;
using FlowConfigs.Domain;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Hosting;

internal static class HostingExtensions
{
    public static WebApplicationBuilder AddFlowConfigsHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortsOptions>().BindConfiguration(PortsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SiloPortsOptions>().BindConfiguration(SiloPortsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var ports = builder.Configuration.GetSection(PortsOptions.Section).Get<PortsOptions>() ?? new PortsOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Ids are at most 128 characters, but an over-long one should get a problem naming the id, not a bare 414.
            kestrel.Limits.MaxRequestLineSize = 32 * 1024;
            var address = IPAddress.Parse(ports.BindAddress);
            kestrel.Listen(address, ports.Public);
            kestrel.Listen(address, ports.Internal);
        });

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = DomainJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = DomainJson.Options.DefaultIgnoreCondition;
            json.SerializerOptions.Encoder = DomainJson.Options.Encoder;
            foreach (var converter in DomainJson.Options.Converters)
                json.SerializerOptions.Converters.Add(converter);
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientFaultHandler>();
        builder.Services.AddTransient<IStartupFilter, NoSniffStartupFilter>();
        builder.Services.AddHealthChecks().AddDependencyChecks();
        return builder;
    }

    public static WebApplication MapFlowConfigsHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<PortSeparation>();
        // Tokens only matter on the public port; GetConfig on the internal one is reached only from inside the VPC and
        // should not pay for authentication on every call.
        var internalPort = app.Services.GetRequiredService<IOptions<PortsOptions>>().Value.Internal;
        app.UseWhen(context => context.Connection.LocalPort != internalPort, publicPort =>
        {
            publicPort.UseAuthentication();
            publicPort.UseAuthorization();
        });
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = DependencyHealth.WriteAsync });
        return app;
    }
}
