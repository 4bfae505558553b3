namespace FlowConfigs.Infra;

/// <summary>
/// The ADOT sidecar's configuration: what the image's ecs-default-config.yaml does for the gateway (OTLP in over gRPC
/// and HTTP, traces to X-Ray, metrics as EMF in the same namespace), but with metrics written to the environment's own
/// log group, which the stack creates with a retention, instead of the default's account-wide
/// <c>/aws/ecs/application/metrics</c> that the collector would create without one.
/// </summary>
/// <remarks>
/// The default's awsxray (UDP 2000) and statsd receivers are left out: the gateway sends OTLP only.
/// </remarks>
internal static class AdotCollectorConfig
{
    /// <summary>When set, the collector reads its whole YAML configuration from this variable and ignores <c>--config</c>.</summary>
    public const string Variable = "AOT_CONFIG_CONTENT";

    /// <summary>The default configuration's namespace, kept so metrics stay where anyone already reads them.</summary>
    public const string MetricsNamespace = "ECS/AWSOTel/Application";

    public static string Content(string metricsLogGroup) => $"""
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 0.0.0.0:4317
              http:
                endpoint: 0.0.0.0:4318
        processors:
          batch/traces:
            timeout: 1s
            send_batch_size: 50
          batch/metrics:
            timeout: 60s
        exporters:
          awsxray:
          awsemf:
            namespace: {MetricsNamespace}
            log_group_name: '{metricsLogGroup}'
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch/traces]
              exporters: [awsxray]
            metrics:
              receivers: [otlp]
              processors: [batch/metrics]
              exporters: [awsemf]

        """;
}
