using System.ComponentModel.DataAnnotations;
using FlowConfigs.Gateway.Http;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FlowConfigs.Gateway.Hosting;

public sealed class TelemetryOptions
{
    public const string Section = "FlowConfigs:Telemetry";

    /// <summary>
    /// Share of GetConfig requests (internal port) that are traced. Every API request is traced; GetConfig runs at tens
    /// of thousands per second per task and its latency is already in the <c>flowconfigs.getconfig.duration</c> histogram.
    /// </summary>
    [Range(0.0, 1.0)]
    public double GetConfigTraceRatio { get; set; } = 0.01;
}

/// <summary>
/// Console logs always; with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set (the ADOT sidecar in AWS, a collector locally),
/// traces, metrics (ASP.NET Core, HttpClient, runtime, Orleans, GetConfig latency) and logs go out over OTLP, configured
/// by the standard OTEL_* variables (protocol, headers, service name, export intervals).
/// </summary>
internal static class TelemetryHosting
{
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The product's own meters (GetConfig latency and those to come).</summary>
    public const string ProductMeters = "FlowConfigs.*";

    public static bool IsExporting(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static WebApplicationBuilder AddFlowConfigsTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!IsExporting(builder.Configuration)) return builder;

        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var ports = builder.Configuration.GetSection(PortsOptions.Section).Get<PortsOptions>() ?? new PortsOptions();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? "flowconfigs-gateway",
                serviceVersion: typeof(TelemetryHosting).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health")
                    && (context.Connection.LocalPort != ports.Internal || Random.Shared.NextDouble() < telemetry.GetConfigTraceRatio))
                .AddHttpClientInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter, ProductMeters))
            .WithLogging()
            .UseOtlpExporter();
        return builder;
    }
}
