using System.ComponentModel.DataAnnotations;

namespace FlowConfigs.Gateway.Hosting;

/// <summary>How often the readiness probes run in the background and how long one may take.</summary>
public sealed class HealthProbeOptions
{
    public const string Section = "FlowConfigs:Health";

    /// <summary>
    /// A load balancer acts on several failed checks 5–30 s apart, so a few seconds of staleness costs nothing; each
    /// round is one grain call, two DescribeTable calls and one call per AWS service in use.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A probe not answered by then reports its dependency as failing (timed out) until the next round.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
