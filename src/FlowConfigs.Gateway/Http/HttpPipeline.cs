using System.Net;
using FlowConfigs.Domain;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Http;

/// <summary>
/// What every endpoint shares: the two ports, JSON as the domain writes it, problem+json for every failure and the
/// OpenAPI document. Features build on this; it knows none of them.
/// </summary>
internal static class HttpPipeline
{
    public static WebApplicationBuilder AddHttpPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortsOptions>().BindConfiguration(PortsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

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
        builder.Services.AddApiDocument();
        builder.Services.AddExceptionHandler<ClientFaultHandler>();
        builder.Services.AddExceptionHandler<BackendUnavailableHandler>();
        builder.Services.AddTransient<IStartupFilter, NoSniffStartupFilter>();
        return builder;
    }

    public static WebApplication UseHttpPipeline(this WebApplication app)
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
        // The host adds authentication and authorization at the front of the pipeline unless the app did; it cannot see
        // calls made in a branch, so without these marks tokens would also be checked on the internal port, ahead of
        // the exception handler and port separation. The keys are the ones UseAuthentication and UseAuthorization set.
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        ((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true;
        // After authentication, so a caller without a token never takes one of the limited slots (speech previews).
        app.UseRateLimiter();
        app.MapApiDocument();
        return app;
    }
}
